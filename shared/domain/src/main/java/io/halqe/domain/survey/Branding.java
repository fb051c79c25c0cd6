package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How emails to customers look: who they come from, a logo, an accent colour and a footer line. A survey's branding
 * may set any part; what it leaves out comes from the account's (the stack's SenderName and Brand* parameters).
 *
 * @param senderName the From name, one text or one per language
 * @param logoUrl    an https image shown at the top (about 40 px high)
 * @param color      the accent colour, {@code #rrggbb}
 * @param footer     a line under every email (address, company), one text or one per language
 */
public record Branding(LocalizedText senderName, String logoUrl, String color, LocalizedText footer) {

    public static final Branding NONE = new Branding(null, null, null, null);
    public static final String DEFAULT_COLOR = "#005fcc";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LOGO = Pattern.compile("https://[^\\s\"'<>\\\\]{1,2040}");

    /** This branding, with {@code fallback}'s parts where this one has none. */
    public Branding over(Branding fallback) {
        Branding base = fallback == null ? NONE : fallback;
        return new Branding(present(senderName) ? senderName : base.senderName,
                logoUrl != null && !logoUrl.isBlank() ? logoUrl : base.logoUrl,
                color != null && !color.isBlank() ? color : base.color,
                present(footer) ? footer : base.footer);
    }

    public String colorOrDefault() {
        return color == null || color.isBlank() ? DEFAULT_COLOR : color;
    }

    /**
     * The text colour on the accent: white or near-black, whichever contrasts more (WCAG relative luminance), so a
     * light brand colour still gives readable buttons.
     */
    public String textOnColor() {
        String hex = colorOrDefault();
        double luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
        double onWhite = 1.05 / (luminance + 0.05);
        double onDark = (luminance + 0.05) / (0.0137 + 0.05);
        return onWhite >= onDark ? "#ffffff" : "#1a1a1a";
    }

    private static double channel(String hex, int at) {
        double value = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    public String senderNameIn(String language, String defaultLanguage) {
        return present(senderName) ? senderName.in(language, defaultLanguage) : null;
    }

    public String footerIn(String language, String defaultLanguage) {
        return present(footer) ? footer.in(language, defaultLanguage) : null;
    }

    /** What is wrong with it, named under {@code field} (e.g. {@code branding.color}). */
    public Optional<Problem> problem(String field) {
        if (color != null && !color.isBlank() && !COLOR.matcher(color).matches()) {
            return Optional.of(new Problem(field + ".color", "must be a colour such as #005fcc"));
        }
        if (logoUrl != null && !logoUrl.isBlank() && !LOGO.matcher(logoUrl).matches()) {
            return Optional.of(new Problem(field + ".logoUrl", "must be an https URL of at most 2048 characters"));
        }
        if (senderName != null && senderName.byLanguage().values().stream()
                .anyMatch(name -> name == null || name.isBlank() || name.length() > 64 || name.matches(".*[\\p{Cntrl}<>\"].*"))) {
            return Optional.of(new Problem(field + ".senderName", "must be one line of at most 64 characters, without < > or \""));
        }
        if (footer != null && footer.byLanguage().values().stream()
                .anyMatch(line -> line == null || line.isBlank() || line.length() > 300)) {
            return Optional.of(new Problem(field + ".footer", "must be a text of at most 300 characters"));
        }
        return Optional.empty();
    }

    private static boolean present(LocalizedText text) {
        return text != null && !text.isEmpty();
    }
}
