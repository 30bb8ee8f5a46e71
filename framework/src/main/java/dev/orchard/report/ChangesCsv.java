package dev.orchard.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code apple-network-changes.csv}: the {@link ChangeRequest} as a spreadsheet or a ticket system imports
 * it. The columns are a public interface: {@code change,host,port,transport,service,verdict,reason}. Several
 * services or verdicts in one cell are separated by a space. The file always has its header, so an empty change
 * request reads as "nothing to change" rather than as a missing file. Jackson does the quoting.
 */
final class ChangesCsv {

    static final String FILE_NAME = "apple-network-changes.csv";

    static final List<String> COLUMNS = List.of("change", "host", "port", "transport", "service", "verdict", "reason");

    /** Quotes a cell only where CSV needs it, so a pattern such as {@code *.push.apple.com} stays as Apple writes it. */
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = schema();

    private ChangesCsv() {
    }

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        COLUMNS.forEach(builder::addColumn);
        return builder.build();
    }

    static void write(ChangeRequest request, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(request, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }
    }

    static String text(ChangeRequest request) {
        StringWriter out = new StringWriter();
        try {
            write(request, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the change request as CSV", e);
        }
        return out.toString();
    }

    private static void write(ChangeRequest request, Writer out) throws IOException {
        try (SequenceWriter rows = MAPPER.writer(SCHEMA).writeValues(out)) {
            for (ChangeRequest.Change change : request.changes()) {
                rows.write(new String[] {change.kind().id(), change.host(),
                        change.port() == null ? "" : change.port().toString(),
                        change.transport() == null ? "" : change.transport(), String.join(" ", change.services()),
                        String.join(" ", change.verdicts()), change.reason()});
            }
        }
    }
}
