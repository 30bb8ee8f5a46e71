package dev.orchard.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the web filter behind a block page from words its headers or body carry, as {@link InspectionVendors}
 * does for certificates. The signatures are data ({@value #RESOURCE}), so that a new vendor is one line.
 */
final class BlockPageSignatures {

    static final String RESOURCE = "dev/orchard/probe/block-page-signatures.tsv";

    private record Signature(String vendor, String header, String text) {
    }

    private static final List<Signature> SIGNATURES = load();

    private BlockPageSignatures() {
    }

    /** The vendor whose signature the answer carries. Bodies count only when they are pages, not data. */
    static Optional<String> vendor(HttpAnswer answer) {
        String type = answer.header("content-type");
        String lowerType = type == null ? "" : type.toLowerCase(Locale.ROOT);
        boolean page = answer.status() / 100 != 2 || type == null || lowerType.contains("html")
                || lowerType.startsWith("text/");
        String body = page ? answer.bodyText().toLowerCase(Locale.ROOT) : "";
        for (Signature signature : SIGNATURES) {
            String where = signature.header() == null ? body : answer.header(signature.header());
            if (where != null && where.toLowerCase(Locale.ROOT).contains(signature.text())) {
                return Optional.of(signature.vendor());
            }
        }
        return Optional.empty();
    }

    private static List<Signature> load() {
        try (InputStream in = BlockPageSignatures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the classpath lacks " + RESOURCE);
            }
            List<Signature> signatures = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3 || !(fields[1].equals("body") || fields[1].startsWith("header:"))) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected vendor, body or "
                            + "header:<name>, and text, separated by tabs");
                }
                signatures.add(new Signature(fields[0], fields[1].equals("body") ? null
                        : fields[1].substring("header:".length()).toLowerCase(Locale.ROOT),
                        fields[2].toLowerCase(Locale.ROOT)));
            }
            return List.copyOf(signatures);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
