package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's EventBridge rule patterns, matched by Event Ruler on the local bus. */
class EventRulesTest {

    private final LocalClock clock = new LocalClock();
    private final AsyncInvocations invocations = new AsyncInvocations(new DeadLetters(), clock);
    private final LocalEventBus bus = new LocalEventBus("halqe-local", "us-east-1", clock, invocations);

    private void addTemplateRules() {
        SamTemplate template = SamTemplate.load();
        LocalResolver resolver = new LocalResolver(template, Map.of());
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.Event event : function.events("EventBridgeRule")) {
                Object pattern = resolver.resolve(event.properties().get("Pattern"));
                bus.addRule(function.logicalId() + "." + event.name(), LocalFunction.of(function.logicalId(),
                        (com.amazonaws.services.lambda.runtime.RequestHandler<Object, Object>) (e, c) -> null),
                        Json.write(pattern), 2);
            }
        }
    }

    private static ObjectNode entry(String source, String detailType, String detail) {
        ObjectNode entry = Json.object();
        entry.put("Source", source);
        entry.put("DetailType", detailType);
        entry.put("Detail", detail);
        return entry;
    }

    @Test
    void put_shouldQueueTheAlertsFunction_onlyForResponsesMarkedAlerting() {
        // GIVEN the template's rules on the local bus (the enrichment marks an answer an alert rule matches)
        addTemplateRules();
        // WHEN a marked detractor, an unmarked promoter and an event from before the mark are put
        bus.put(entry("halqe", "ResponseEnriched", "{\"npsCategory\":\"detractor\",\"surveyId\":\"demo-nps\",\"alerting\":true}"));
        bus.put(entry("halqe", "ResponseEnriched", "{\"npsCategory\":\"promoter\",\"surveyId\":\"demo-nps\",\"alerting\":false}"));
        bus.put(entry("halqe", "ResponseEnriched", "{\"npsCategory\":\"promoter\",\"surveyId\":\"demo-nps\"}"));
        // THEN the alerts function has one invocation queued, for the marked one
        assertThat(invocations.pending()).isEqualTo(1);
        assertThat(bus.matchingRules(bus.events().get(0))).containsExactly("AlertsFunction.EnrichedResponses");
        assertThat(bus.matchingRules(bus.events().get(1))).doesNotContain("AlertsFunction.EnrichedResponses");
    }

    @Test
    void put_shouldRouteOtherSourcesToTouchpoints_andHalqesOtherEventsNowhere() {
        // GIVEN the template's rules on the local bus
        addTemplateRules();
        // WHEN a shop's event, a CRM's customer and Halqe's own CaseOpened are put
        bus.put(entry("demo.shop", "OrderDelivered", "{\"orderId\":\"A-1\"}"));
        bus.put(entry("crm", "CustomerUpserted", "{\"id\":\"c1\"}"));
        bus.put(entry("halqe", "CaseOpened", "{\"npsCategory\":\"detractor\"}"));
        // THEN the shop's event goes to the touchpoint rules, the customer to the API, CaseOpened nowhere
        assertThat(bus.matchingRules(bus.events().get(0))).containsExactly("RemeasureFunction.Touchpoints");
        assertThat(bus.matchingRules(bus.events().get(1))).containsExactly("ApiFunction.CrmCustomers");
        assertThat(bus.matchingRules(bus.events().get(2))).isEmpty();
        assertThat(invocations.pending()).isEqualTo(2);
        // AND a CustomerUpserted from a source CrmEventSources does not name writes no customer
        bus.put(entry("someone.else", "CustomerUpserted", "{\"id\":\"c2\"}"));
        assertThat(bus.matchingRules(bus.events().get(3))).isEmpty();
    }
}
