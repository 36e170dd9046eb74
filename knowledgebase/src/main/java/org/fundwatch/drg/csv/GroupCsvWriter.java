package org.fundwatch.drg.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import org.fundwatch.drg.DrgResult;

/**
 * Writes grouper output rows {@code Index,mdc,adrg,drg,reason} (RFC 4180 quoting, UTF-8 by the caller's
 * writer), one row at a time.
 */
public final class GroupCsvWriter implements Closeable {
    private final JsonGenerator out;

    public GroupCsvWriter(Writer writer) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("Index").addColumn("mdc").addColumn("adrg")
                .addColumn("drg").addColumn("reason").setUseHeader(true).build();
        out = mapper.getFactory().createGenerator(writer);
        ((CsvGenerator) out).setSchema(schema);
    }

    /** Writes the result of a grouped (or ungroupable) case. */
    public void write(String index, DrgResult r) throws IOException {
        row(index, r.mdc(), r.adrg(), r.drg(), r.reason());
    }

    /** Writes a row for input that could not be parsed: no MDC, ADRG or DRG, the reason says why. */
    public void writeError(String index, String error) throws IOException {
        row(index, "", "", "", "输入错误: " + error);
    }

    private void row(String index, String mdc, String adrg, String drg, String reason) throws IOException {
        out.writeStartArray();
        out.writeString(index);
        out.writeString(mdc);
        out.writeString(adrg);
        out.writeString(drg);
        out.writeString(reason);
        out.writeEndArray();
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
