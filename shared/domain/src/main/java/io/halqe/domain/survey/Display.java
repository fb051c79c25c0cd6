package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import java.util.Optional;

/**
 * How the embed widget shows a survey on a site; a page's {@code data-} attributes override each of these.
 *
 * @param delaySeconds  wait this long after the page loads (default 0)
 * @param samplePercent show it to this share of visitors (default 100)
 * @param cooldownDays  after an answer or a dismissal, this browser is not asked again for this long (default 90)
 */
public record Display(Integer delaySeconds, Integer samplePercent, Integer cooldownDays) {

    public Optional<Problem> problem() {
        if (delaySeconds != null && (delaySeconds < 0 || delaySeconds > 600)) {
            return Optional.of(new Problem("display.delaySeconds", "must be 0 to 600"));
        }
        if (samplePercent != null && (samplePercent < 0 || samplePercent > 100)) {
            return Optional.of(new Problem("display.samplePercent", "must be 0 to 100"));
        }
        if (cooldownDays != null && (cooldownDays < 0 || cooldownDays > 3650)) {
            return Optional.of(new Problem("display.cooldownDays", "must be 0 to 3650"));
        }
        return Optional.empty();
    }
}
