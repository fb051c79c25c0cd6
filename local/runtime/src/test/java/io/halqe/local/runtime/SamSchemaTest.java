package io.halqe.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml held to the AWS SAM project's own schema (draft-04; src/test/resources/sam, with where it comes
 * from), as SAM's tooling reads a template: CloudFormation's short-form tags in their long form.
 */
class SamSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SAM = samSchema();

    private static Schema samSchema() {
        try (InputStream schema = SamSchemaTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template as data, each {@link SamTemplate.Intrinsic} in its long form: {@code !Ref x} is
     * {@code {"Ref": "x"}}, {@code !GetAtt a.b} is {@code {"Fn::GetAtt": ["a", "b"]}} (SamTemplate splits it).
     */
    static JsonNode longForm(Object value) {
        return switch (value) {
            case SamTemplate.Intrinsic intrinsic -> JSON.createObjectNode().set(intrinsic.fn(), longForm(intrinsic.argument()));
            case Map<?, ?> map -> {
                ObjectNode object = JSON.createObjectNode();
                map.forEach((key, item) -> object.set(String.valueOf(key), longForm(item)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = JSON.createArrayNode();
                list.forEach(item -> array.add(longForm(item)));
                yield array;
            }
            case null -> JSON.nullNode();
            default -> JSON.valueToTree(value);
        };
    }

    private static List<String> refusals(SamTemplate template) {
        return SAM.validate(longForm(template.raw())).stream().map(Error::toString).toList();
    }

    @Test
    void template_shouldMatchSamsOwnSchema_whenItsIntrinsicsAreInTheirLongForm() {
        // GIVEN the repository's template, read as the local cloud reads it
        SamTemplate template = SamTemplate.load();
        // WHEN SAM's schema checks it
        List<String> refusals = refusals(template);
        // THEN nothing in it is refused
        assertThat(refusals).isEmpty();
    }

    @Test
    void longForm_shouldSpellEachShortFormTagAsCloudFormationDoes_whenTagsNest() {
        // GIVEN short-form tags, one inside another
        SamTemplate template = SamTemplate.parse("""
                Conditions:
                  Named: !Not [!Equals [!Ref Stage, '']]
                Outputs:
                  Arn: {Value: !GetAtt Topic.TopicName}
                  Url: {Value: !If [Named, !Sub 'https://${Api}.example', !Join ['', [!Select [0, !GetAZs '']]]]}
                """);
        // WHEN they are written in the long form
        JsonNode json = longForm(template.raw());
        // THEN each is the object CloudFormation's JSON would have
        assertThat(json.at("/Conditions/Named").toString())
                .isEqualTo("{\"Fn::Not\":[{\"Fn::Equals\":[{\"Ref\":\"Stage\"},\"\"]}]}");
        assertThat(json.at("/Outputs/Arn/Value").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Topic\",\"TopicName\"]}");
        assertThat(json.at("/Outputs/Url/Value").toString()).isEqualTo("{\"Fn::If\":[\"Named\",{\"Fn::Sub\":"
                + "\"https://${Api}.example\"},{\"Fn::Join\":[\"\",[{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}]]}]}");
    }

    @Test
    void template_shouldBeRefusedNamingTheProperty_whenAFunctionHasAnUnknownPropertyOrOneOfTheWrongType() throws IOException {
        // GIVEN a copy of the template whose scoring function has a misspelt property and a yes-or-no property in words
        String yaml = Files.readString(SamTemplate.locate());
        String function = "  ScoringFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n";
        assertThat(yaml).contains(function);
        SamTemplate broken = SamTemplate.parse(yaml.replace(function,
                function + "      Handlr: io.halqe.scoring.ScoringHandler::handleRequest\n      PropagateTags: yes please\n"));
        // WHEN SAM's schema checks it
        List<String> refusals = refusals(broken);
        // THEN both are refused, each named where it is
        assertThat(refusals).anySatisfy(refusal -> assertThat(refusal)
                .contains("/Resources/ScoringFunction/Properties").contains("Handlr"));
        assertThat(refusals).anySatisfy(refusal -> assertThat(refusal)
                .contains("/Resources/ScoringFunction/Properties/PropagateTags").contains("boolean"));
        assertThat(refusals).noneMatch(refusal -> refusal.contains("/Resources/EnrichmentFunction"));
    }
}
