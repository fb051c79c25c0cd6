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
        sns.publish(request -> request.phoneNumber(phone).message(message).messageAttributes(Map.of(
                "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
    }
}
