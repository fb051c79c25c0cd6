package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** axe-core (Deque's own runner and script, from the test classpath) on what the browser shows now. */
final class Accessibility {

    /** WCAG 2.0 and 2.1, levels A and AA. */
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {
    }

    /**
     * No serious or critical WCAG 2.1 AA violation in {@code scope} (a CSS selector; the whole page when null), each
     * one named with the elements it was found on.
     */
    static void assertNoSeriousViolations(WebDriver driver, String scope, String what) {
        AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA);
        if (scope != null) {
            axe.include(scope);
        }
        List<Rule> serious = axe.analyze(driver).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as("%s: axe-core violations%n%s", what, String.join("\n", serious.stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList())).isEmpty();
    }
}
