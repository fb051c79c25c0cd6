package io.halqe.aws.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.halqe.domain.survey.LocalizedText;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link LocalizedText} on the wire: a plain string (every language) or an object of texts by language. */
final class LocalizedTextJson {

    private LocalizedTextJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("localized-text")
                .addSerializer(LocalizedText.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(LocalizedText text, JsonGenerator out, SerializerProvider provider) throws IOException {
                        if (text.isSingle()) {
                            out.writeString(text.byLanguage().get(LocalizedText.ANY));
                        } else {
                            out.writeObject(text.byLanguage());
                        }
                    }
                })
                .addDeserializer(LocalizedText.class, new JsonDeserializer<>() {
                    @Override
                    public LocalizedText deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        if (in.currentToken() == JsonToken.VALUE_STRING) {
                            return LocalizedText.of(in.getText());
                        }
                        if (in.currentToken() != JsonToken.START_OBJECT) {
                            return (LocalizedText) context.handleUnexpectedToken(LocalizedText.class, in);
                        }
                        Map<String, String> texts = new LinkedHashMap<>();
                        while (in.nextToken() == JsonToken.FIELD_NAME) {
                            String language = in.currentName();
                            if (in.nextToken() != JsonToken.VALUE_STRING) {
                                return (LocalizedText) context.handleUnexpectedToken(String.class, in);
                            }
                            texts.put(language, in.getText());
                        }
                        return new LocalizedText(texts);
                    }
                });
    }
}
