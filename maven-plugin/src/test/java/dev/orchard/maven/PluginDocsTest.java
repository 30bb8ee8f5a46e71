package dev.orchard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goals' parameter tables in docs/plugin.md are generated from the plugin descriptor, which maven-plugin-plugin
 * builds from the mojos' Javadoc: the Javadoc is the one text, and this test fails when the page drifts from it.
 * Regenerate with {@code mvn -pl maven-plugin test -Dtest=PluginDocsTest -Dorchard.writeDocs=true}.
 */
class PluginDocsTest {

    private static final List<String> GOALS = List.of("verify", "demo", "catalog", "catalog-diff", "aggregate");
    private static final String START = "<!-- parameters: generated from the mojo Javadoc by PluginDocsTest -->";
    private static final String END = "<!-- end of generated parameters -->";

    @Test
    void theParameterTablesAreTheMojoJavadoc() throws Exception {
        Path page = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "plugin.md");
        if (!Files.isRegularFile(page)) {
            page = Path.of("..", "docs", "plugin.md");
        }
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, page + " must hold the generated block between " + START + " and " + END);
        String generated = tables();
        String current = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("orchard.writeDocs")) {
            Files.writeString(page, text.substring(0, start + START.length()) + generated + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, "docs/plugin.md's parameter tables differ from the mojo Javadoc; run "
                + "mvn -pl maven-plugin test -Dtest=PluginDocsTest -Dorchard.writeDocs=true");
    }

    /** One table per goal: parameter, user property, default and the Javadoc's text. */
    private static String tables() throws Exception {
        Document plugin;
        try (InputStream in = PluginDocsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            plugin = factory.newDocumentBuilder().parse(in);
        }
        StringBuilder out = new StringBuilder("\n");
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (String goal : GOALS) {
            Element mojo = null;
            for (int i = 0; i < mojos.getLength(); i++) {
                Element candidate = (Element) mojos.item(i);
                if (child(candidate, "goal").equals(goal)) {
                    mojo = candidate;
                }
            }
            assertTrue(mojo != null, "no goal " + goal + " in the plugin descriptor");
            out.append("\n### `").append(goal).append("`\n\n| Parameter | `-D` | Default | What it sets |\n|---|---|---|---|\n");
            Map<String, String[]> rows = new TreeMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                Element parameter = (Element) parameters.item(i);
                if (!"true".equals(child(parameter, "editable"))) {
                    continue;
                }
                String name = child(parameter, "name");
                Element configured = configuration == null ? null
                        : (Element) configuration.getElementsByTagName(name).item(0);
                String expression = configured == null ? "" : configured.getTextContent().strip();
                String property = expression.startsWith("${") && expression.endsWith("}")
                        ? "`-D" + expression.substring(2, expression.length() - 1) + "`" : "";
                String defaultValue = configured == null ? "" : configured.getAttribute("default-value");
                rows.put(name, new String[] {"`" + name + "`", property,
                        defaultValue.isEmpty() ? "" : "`" + defaultValue + "`", cell(child(parameter, "description"))});
            }
            for (String[] row : rows.values()) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        return out.append('\n').toString();
    }

    /** The Javadoc's text up to its examples, on one line, safe in a Markdown table. */
    private static String cell(String description) {
        String text = description.replaceAll("\\s+", " ").strip();
        for (String marker : List.of(" XML ", " Command line ", " command line ")) {
            int at = text.indexOf(marker);
            if (at > 0) {
                text = text.substring(0, at).strip();
            }
        }
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String child(Element element, String name) {
        NodeList found = element.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
