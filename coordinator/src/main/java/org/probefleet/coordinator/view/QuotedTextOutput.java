package org.probefleet.coordinator.view;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's escaping, plus double quotes in text written as {@code &quot;}: error messages quoting the
 * page read the same as they always have ({@code expected text &quot;Order confirmed&quot;}).
 */
final class QuotedTextOutput extends OwaspHtmlTemplateOutput {

    private boolean inText;

    QuotedTextOutput(TemplateOutput output) {
        super(output);
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        inText = attributeName == null && !"script".equals(tagName);
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null || !inText || value.indexOf('"') < 0) {
            super.writeUserContent(value);
            return;
        }
        String[] pieces = value.split("\"", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                writeContent("&quot;");
            }
            super.writeUserContent(pieces[i]);
        }
    }
}
