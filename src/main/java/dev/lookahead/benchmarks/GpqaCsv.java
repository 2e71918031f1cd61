package dev.lookahead.benchmarks;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads GPQA's official CSV files by their column names (quoted fields may span lines). A file that lacks a column
 * the scorer needs is refused with the column's name; a cell that is not a validator's 0/1 is refused with its record
 * and column.
 */
public final class GpqaCsv {
    static final String QUESTION = "Question";
    static final String CORRECT = "Correct Answer";
    static final String RECORD = "Record ID";
    static final String DOMAIN = "High-level domain";
    static final String SUBDOMAIN = "Subdomain";
    static final String EXPLANATION = "Explanation";
    static final List<String> INCORRECT = List.of("Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3");
    static final List<String> EXPERTS = List.of("Validator Answered Correctly_EV_1", "Validator Answered Correctly_EV_2");
    static final List<String> POST_HOC = List.of("Post hoc agreement_EV_1", "Post hoc agreement_EV_2");
    static final List<String> NON_EXPERTS = List.of("Validator Answered Correctly_NEV_1", "Validator Answered Correctly_NEV_2",
            "Validator Answered Correctly_NEV_3");

    private GpqaCsv() {
    }

    public static List<GpqaRow> read(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<GpqaRow> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(dev.lookahead.io.TextLines.readWhole(file)); MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(schema).readValues(reader)) {
            long record = 0;
            boolean checked = false;
            while (it.hasNextValue()) {
                Map<String, String> cells = it.nextValue();
                record++;
                if (!checked) {
                    requireColumns(file, cells);
                    checked = true;
                }
                rows.add(row(file, record, cells));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new dev.lookahead.io.WrongShapeException(file + ": not a CSV file this reader understands (" + e.getOriginalMessage() + ")");
        }
        return rows;
    }

    private static void requireColumns(Path file, Map<String, String> cells) throws IOException {
        List<String> needed = new ArrayList<>(List.of(QUESTION, CORRECT, RECORD, DOMAIN, SUBDOMAIN));
        needed.addAll(INCORRECT);
        needed.addAll(EXPERTS);
        needed.addAll(NON_EXPERTS);
        for (String column : needed) {
            if (!cells.containsKey(column)) throw new dev.lookahead.io.WrongShapeException(file + " has no column \"" + column + "\"; is it one of GPQA's official CSV files?");
        }
    }

    /** A cell of the record, or an error naming the record and the column when the row is too short to hold it. */
    private static String cell(Path file, long record, Map<String, String> cells, String column) throws IOException {
        String value = cells.get(column);
        if (value == null) throw new dev.lookahead.io.WrongShapeException(file + " record " + record + ": no \"" + column + "\" cell (the row is shorter than the header)");
        return value;
    }

    private static GpqaRow row(Path file, long record, Map<String, String> cells) throws IOException {
        List<String> incorrect = new ArrayList<>();
        for (String column : INCORRECT) incorrect.add(cell(file, record, cells, column).strip());
        List<Boolean> experts = new ArrayList<>();
        for (String column : EXPERTS) experts.add(bool(file, record, column, cells.get(column)));
        List<String> postHoc = new ArrayList<>();
        for (String column : POST_HOC) postHoc.add(cells.getOrDefault(column, "").strip());
        List<Boolean> nonExperts = new ArrayList<>();
        for (String column : NON_EXPERTS) nonExperts.add(bool(file, record, column, cells.get(column)));
        return new GpqaRow(record, cell(file, record, cells, RECORD).strip(), cell(file, record, cells, QUESTION),
                cell(file, record, cells, CORRECT).strip(), incorrect, cells.getOrDefault(EXPLANATION, ""), cell(file, record, cells, DOMAIN).strip(),
                cell(file, record, cells, SUBDOMAIN).strip(), experts, postHoc, nonExperts);
    }

    /** A validator's cell: 1 / 1.0 / true is correct, 0 / 0.0 / false is not, an empty cell is unknown (null). */
    static Boolean bool(Path file, long record, String column, String cell) throws IOException {
        String text = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) return null;
        switch (text) {
            case "1", "1.0", "true" -> {
                return true;
            }
            case "0", "0.0", "false" -> {
                return false;
            }
            default -> throw new dev.lookahead.io.WrongShapeException(file + " record " + record + ", column \"" + column + "\": \"" + cell + "\" is not 0 or 1");
        }
    }
}
