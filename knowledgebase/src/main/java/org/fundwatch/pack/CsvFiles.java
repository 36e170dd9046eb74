package org.fundwatch.pack;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes RFC-4180 CSV with Jackson. Reading tolerates a UTF-8 BOM and CRLF (as the NHSA files have);
 * writing produces UTF-8 without BOM, {@code \n} line ends and quotes only where RFC 4180 needs them, so the
 * same rows always give the same bytes.
 */
final class CsvFiles {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");

    private CsvFiles() {
    }

    /** All records of {@code file}, the header first; fails naming the file when it cannot be parsed. */
    static List<String[]> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new PackException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static List<String[]> read(Reader reader, String name) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(SCHEMA).readValues(reader)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (RuntimeException e) {
            throw new PackException(name + ": not valid CSV (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (!records.isEmpty() && records.get(0).length > 0 && records.get(0)[0].startsWith("\uFEFF")) {
            records.get(0)[0] = records.get(0)[0].substring(1);
        }
        return records;
    }

    /** Serialises a header and rows to CSV bytes. */
    static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             SequenceWriter out = MAPPER.writer(SCHEMA).writeValues(writer)) {
            out.write(header.toArray(String[]::new));
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size()
                            + ": " + row);
                }
                out.write(row.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory CSV write failed", e);
        }
        return bytes.toByteArray();
    }
}
