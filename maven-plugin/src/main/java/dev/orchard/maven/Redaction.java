package dev.orchard.maven;

import java.util.List;

/** Removes proxy passwords from text before it reaches the log, since engine messages may echo a setting. */
record Redaction(List<String> secrets) {

    static final String MASK = "****";

    Redaction {
        secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    static Redaction none() {
        return new Redaction(List.of());
    }

    String apply(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
