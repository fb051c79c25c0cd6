package io.halqe.aws.messaging;

import io.halqe.aws.json.Json;
import io.halqe.domain.core.Notifier;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** One topic for all teams: subscribers filter on the {@code team}, {@code severity} and {@code surveyId} attributes. */
public final class SnsNotifier implements Notifier {

    /** SNS subjects are at most 100 ASCII-printable characters. */
    private static final int MAX_SUBJECT = 100;

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Notification notification) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        notification.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        sns.publish(request -> request.topicArn(topicArn)
                .subject(subject(notification.subject()))
                .message(Json.write(notification.message()))
                .messageAttributes(attributes));
    }

    static String subject(String subject) {
        String ascii = subject.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= MAX_SUBJECT ? ascii : ascii.substring(0, MAX_SUBJECT);
    }
}
