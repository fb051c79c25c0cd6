package io.halqe.aws.messaging;

import io.halqe.domain.links.SmsSender;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** SMS straight to a phone number through SNS, as transactional messages (delivered even to DND numbers). */
public final class SnsSmsSender implements SmsSender {

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public boolean optedOut(String phone) {
        return sns.checkIfPhoneNumberIsOptedOut(request -> request.phoneNumber(phone)).isOptedOut();
    }

    @Override
    public void send(String phone, String message) {
        try {
            sns.publish(request -> request.phoneNumber(phone).message(message).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
        } catch (software.amazon.awssdk.services.sns.model.InvalidParameterException refused) {
            // a number SNS will not text (not a valid E.164 number for it): retrying cannot help
            throw new io.halqe.domain.core.Undeliverable("SNS refused the number: " + refused.awsErrorDetails().errorMessage(),
                    refused);
        }
    }
}
