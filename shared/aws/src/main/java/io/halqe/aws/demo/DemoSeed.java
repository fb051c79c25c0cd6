package io.halqe.aws.demo;

import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.dynamo.DynamoTriggers;
import io.halqe.domain.outreach.TouchpointTrigger;
import java.util.List;
import io.halqe.domain.survey.DemoSurveys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes the demo survey, team and touchpoint rule (OrderDelivered → demo-nps), as the local cloud starts (idempotent:
 * plain overwrites).
 */
public final class DemoSeed {

    private DemoSeed() {
    }

    public static void seed(DynamoDbClient client, String surveysTable, String directoryTable) {
        new DynamoSurveyRepository(client, surveysTable).save(DemoSurveys.demoNps());
        new DynamoTeamDirectory(client, directoryTable).save(DemoSurveys.demoTeam());
        new DynamoTriggers(client, directoryTable).replace(List.of(TouchpointTrigger.demoOrderDelivered()));
    }
}
