package io.halqe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.local.runtime.SamTemplate;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class PermissionsDescribedTest {

    @Test
    void description_shouldAskForTheScopePermissionsRequires_onEveryAdminOperation() throws Exception {
        // GIVEN openapi.yaml, whose admin operations name their scope as the apiKey scheme's role
        Map<String, Object> document = new Yaml(new LoaderOptions()).load(Files.readString(
                SamTemplate.locate().getParent().resolve("openapi.yaml")));
        Map<String, String> described = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            List<?> security = (List<?>) map(operation).get("security");
            if (security != null && !security.isEmpty() && map(security.get(0)).containsKey("apiKey")) {
                List<?> roles = (List<?>) map(security.get(0)).get("apiKey");
                described.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, String.join(" ",
                        roles.stream().map(String::valueOf).toList()));
            }
        }));
        // WHEN Permissions' table is written the same way
        Map<String, String> required = new TreeMap<>();
        Permissions.REQUIRED.forEach((route, scope) -> required.put(route, scope.wireName()));
        // THEN each admin route asks for the same one scope in both
        assertThat(described).isEqualTo(required);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
