package org.probefleet.coordinator.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the coordinator's HTML (dashboard and review) from the jte templates in
 * {@code src/main/jte}, which are compiled with the coordinator: nothing compiles or writes to disk
 * at run time, and every value is escaped for where it lands (text, attribute, script).
 */
public final class Html {

    /** The package the jte plugin compiles templates into (coordinator/pom.xml); {@code web/overview.jte} becomes a class in {@code web}. */
    static final String TEMPLATE_PACKAGE = "org.probefleet.coordinator";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, Html.class.getClassLoader(),
            TEMPLATE_PACKAGE);

    private Html() {
    }

    /** The page made by {@code template} (a path like {@code web/overview.jte}) from its one parameter. */
    public static String render(String template, Object data) {
        StringOutput html = new StringOutput();
        TEMPLATES.render(template, data, new QuotedTextOutput(html));
        return html.toString();
    }
}
