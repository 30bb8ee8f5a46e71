package dev.orchard.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
                case VALUE_NULL -> "an empty value";
                default -> "the text '" + text + "'";
            };
        }

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** Parses one YAML document; a syntax error becomes a {@link CatalogException} naming the file and line. */
    static YamlNode parse(Reader reader, String file) {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CatalogException(new Location(file, 1), "", "the file is empty; expected a catalog mapping");
            }
            return read(parser, file);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(where.getLineNr(), 0);
            throw new CatalogException(new Location(file, line), "", "not valid YAML: " + e.getOriginalMessage()
                    .lines().findFirst().orElse("syntax error"));
        } catch (IOException e) {
            throw new CatalogException(new Location(file, 0), "", "cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser parser, String file) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
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
                return new Scalar(line, token == JsonToken.VALUE_NULL ? "" : parser.getText(), token);
        }
    }
}
