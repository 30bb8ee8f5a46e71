package dev.orchard.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.orchard.internal.Sanitizer;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document as a tree that remembers the line of every value. Jackson's tree model forgets locations, and
 * catalog errors must name the line.
 */
sealed interface YamlNode {

    int line();

    /** What the node is, in the words of an error message. */
    String kind();

    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    record Scalar(int line, String text, JsonToken token) implements YamlNode {
        @Override
        public String kind() {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + Sanitizer.quote(text);
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + Sanitizer.quote(text);
                case VALUE_NULL -> "an empty value";
                default -> "the text '" + Sanitizer.quote(text) + "'";
            };
        }

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** The longest value (key or scalar) a catalog may hold; Apple's longest description is about 300. */
    int MAX_SCALAR = 8 * 1024;
    /** The deepest nesting of mappings and lists; a catalog needs 6. */
    int MAX_DEPTH = 32;

    /**
     * Parses one YAML document; a syntax error becomes a {@link CatalogException} naming the file and line. The
     * limits hold while reading: SnakeYAML stops at the catalog size and nesting depth, Jackson at the number
     * length, and aliases are refused where they appear, since catalogs are often downloaded or generated.
     */
    static YamlNode parse(Reader reader, String file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Catalog.MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(Catalog.MAX_BYTES).maxNumberLength(100).maxNameLength(MAX_SCALAR).build())
                .build();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CatalogException(new Location(file, 1), "", "the file is empty; expected a catalog mapping");
            }
            return read(parser, file);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            throw new CatalogException(new Location(file, line), "", "not valid YAML: " + Sanitizer.clean(
                    e.getOriginalMessage().lines().findFirst().orElse("syntax error"), 200));
        } catch (CatalogException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports its limits as its own unchecked exceptions; they carry no line we could trust.
            throw new CatalogException(new Location(file, 0), "", "cannot be read: " + Sanitizer.clean(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 200));
        }
    }

    private static YamlNode read(JsonParser parser, String file) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new CatalogException(new Location(file, line), "", "uses the YAML alias *"
                    + Sanitizer.quote(parser.getText()) + "; aliases are not supported in catalogs: write the value "
                    + "out");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    requireShort(key, file, keyLine);
                    if (entries.containsKey(key)) {
                        throw new CatalogException(new Location(file, keyLine), key,
                                "appears twice in the same mapping (first on line " + keyLines.get(key) + ")");
                    }
                    parser.nextToken();
                    keyLines.put(key, keyLine);
                    entries.put(key, read(parser, file));
                }
                return new Mapping(line, entries, keyLines);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                return new Sequence(line, items);
            }
            default:
                String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                requireShort(text, file, line);
                return new Scalar(line, text, token);
        }
    }

    private static void requireShort(String text, String file, int line) {
        if (text != null && text.length() > MAX_SCALAR) {
            throw new CatalogException(new Location(file, line), "", "has a value of " + text.length()
                    + " characters, starting '" + Sanitizer.quote(text) + "'; a catalog value may have at most "
                    + MAX_SCALAR);
        }
    }
}
