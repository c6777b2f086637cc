package org.leakbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of text cells, some bold, that prints as booktabs LaTeX or as Markdown. Cells are plain text; the
 * LaTeX printer escapes special characters and turns ±, σ, ε, × and en dashes into math.
 *
 * @param header column titles
 * @param rows   rows of cells, each as long as the header
 */
record TextTable(List<String> header, List<List<Cell>> rows) {

    /** One cell. */
    record Cell(String text, boolean bold) {
        static Cell of(String text) {
            return new Cell(text, false);
        }
    }

    TextTable {
        header = List.copyOf(header);
        List<List<Cell>> copy = new ArrayList<>();
        for (List<Cell> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, header has " + header.size());
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }

    String markdown(String caption) {
        StringBuilder sb = new StringBuilder();
        sb.append("Table: ").append(caption).append("\n\n");
        sb.append("| ")
                .append(header.stream().map(TextTable::mdEscape).collect(Collectors.joining(" | ")))
                .append(" |\n");
        sb.append("|")
                .append(header.stream().map(h -> " --- |").collect(Collectors.joining()))
                .append("\n");
        for (List<Cell> r : rows) {
            sb.append("| ")
                    .append(r.stream()
                            .map(c -> c.bold() && !c.text().isBlank()
                                    ? "**" + mdEscape(c.text()) + "**"
                                    : mdEscape(c.text()))
                            .collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return sb.toString();
    }

    String latex(String caption, String label) {
        StringBuilder sb = new StringBuilder();
        // More than ten columns do not fit a column of text at \small: scale the tabular to the line width.
        boolean wide = header.size() > 10;
        sb.append("% Needs \\usepackage{booktabs}")
                .append(wide ? " and \\usepackage{graphicx}" : "")
                .append(".\n");
        sb.append("\\begin{table}[htbp]\n\\centering\n\\small\n");
        sb.append("\\caption{").append(latexEscape(caption)).append("}\n");
        sb.append("\\label{").append(label).append("}\n");
        if (wide) {
            sb.append("\\resizebox{\\linewidth}{!}{%\n");
        }
        sb.append("\\begin{tabular}{")
                .append("l".repeat(Math.min(header.size(), 3)))
                .append("r".repeat(Math.max(0, header.size() - 3)))
                .append("}\n\\toprule\n");
        sb.append(header.stream().map(TextTable::latexEscape).collect(Collectors.joining(" & ")))
                .append(" \\\\\n");
        sb.append("\\midrule\n");
        for (List<Cell> r : rows) {
            sb.append(r.stream()
                            .map(c -> c.bold() && !c.text().isBlank()
                                    ? "\\textbf{" + latexEscape(c.text()) + "}"
                                    : latexEscape(c.text()))
                            .collect(Collectors.joining(" & ")))
                    .append(" \\\\\n");
        }
        sb.append("\\bottomrule\n\\end{tabular}").append(wide ? "}" : "").append("\n\\end{table}\n");
        return sb.toString();
    }

    static String latexEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(ch);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '±' -> out.append("$\\pm$");
                case 'σ' -> out.append("$\\sigma$");
                case 'ε' -> out.append("$\\varepsilon$");
                case 'δ' -> out.append("$\\delta$");
                case '×' -> out.append("$\\times$");
                case '↑' -> out.append("$\\uparrow$");
                case '↓' -> out.append("$\\downarrow$");
                case '–' -> out.append("--");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String mdEscape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*");
    }
}
