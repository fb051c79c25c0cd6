package io.halqe.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_shouldNeutraliseMarkup_whenTextIsUserWritten() {
        assertThat(Html.escape("<img src=x onerror='a()'>&\"")).isEqualTo("&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;&quot;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void singleLine_shouldRemoveLineBreaks_whenTextGoesIntoAHeader() {
        assertThat(Html.singleLine("Hi\r\nBcc: x@example.com")).isEqualTo("Hi Bcc: x@example.com");
    }

    @Test
    void digits_shouldReadPersianAndArabicIndicAsAscii() {
        assertThat(Digits.toAscii("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩")).isEqualTo("0123456789 0123456789");
    }
}
