package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** A bus rule's target: emails and publishes about the event; fails while {@link #FAILURES_LEFT} is positive. */
public class NotifyHandler implements RequestHandler<Map<String, Object>, Void> {

    public static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    private final SesV2Client ses;
    private final SnsClient sns;
    private final Env env;

    public NotifyHandler() {
        this.env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        this.ses = clients.sesV2();
        this.sns = clients.sns();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Void handleRequest(Map<String, Object> event, Context context) {
        if (FAILURES_LEFT.getAndDecrement() > 0) {
            throw new IllegalStateException("told to fail");
        }
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String sk = String.valueOf(detail.get("sk"));
        ses.sendEmail(request -> request
                .fromEmailAddress(env.require("SENDER"))
                .configurationSetName(env.require("CONFIG_SET"))
                .destination(d -> d.toAddresses("owner@test.local"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Urgent " + sk))
                        .body(b -> b.text(t -> t.data("time " + event.get("time")))
                                .html(h -> h.data("<b>" + sk + "</b><script>alert(1)</script>"))))));
        sns.publish(request -> request.topicArn(env.require("TOPIC_ARN")).subject("Urgent").message(sk)
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                        .stringValue(String.valueOf(detail.get("kind"))).build())));
        return null;
    }
}
