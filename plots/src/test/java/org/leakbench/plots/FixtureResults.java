package org.leakbench.plots;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The fixture run's {@code results.csv}, written through the results schema: the header is the schema's
 * ({@link ResultColumns#header}) for the parameters below, so it carries every current metric column, and each
 * value is keyed by a metric the schema knows (an unknown name fails the test that builds it). The numbers are
 * made up to exercise every figure and table (defense families with several knobs, two seeds, a diverged and a
 * failed row, batch-size, model-size and client-count variations); they are not measurements.
 */
final class FixtureResults {
    /** The sweep parameters of the fixture, in column order. */
    static final List<String> PARAMETERS = List.of(
            "dataset",
            "model",
            "model_width",
            "model_depth",
            "batch",
            "attack",
            "attack_iterations",
            "defense",
            "defense_param",
            "fl",
            "fl_clients",
            "image");

    private static final Map<Integer, Long> PARAMS_BY_WIDTH =
            Map.of(16, 13002L, 64, 55050L, 256, 269322L, 1024, 1863690L);

    private FixtureResults() {}

    /** Writes the fixture's results into {@code file}. */
    static void write(Path file) throws IOException {
        List<String> header = ResultColumns.header(PARAMETERS);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(header);
            for (Row r : rows()) {
                List<String> line = new ArrayList<>();
                for (String column : header) {
                    line.add(r.cells.getOrDefault(column, ""));
                }
                csv.printRecord(line);
            }
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    /**
     * One row: a small MLP on Fashion-MNIST under FedSGD, varied in attack, width, batch, defense and clients. A
     * row with costs also has the model's parameter count, its download (float32 weights) and the fixed memory.
     */
    private static Row row(
            String pointId,
            int seed,
            String attack,
            int width,
            int batch,
            String defense,
            String defenseParam,
            int clients) {
        Row r = new Row();
        r.cells.put(ResultColumns.POINT_ID, pointId);
        r.cells.put(ResultColumns.SEED, Integer.toString(seed));
        r.cells.put("dataset", "fashion-mnist");
        r.cells.put("model", "mlp");
        r.cells.put("model_width", Integer.toString(width));
        r.cells.put("model_depth", "2");
        r.cells.put(ResultColumns.BATCH, Integer.toString(batch));
        r.cells.put(ResultColumns.ATTACK, attack);
        r.cells.put("attack_iterations", "mia".equals(attack) ? "" : "300");
        r.cells.put(ResultColumns.DEFENSE, defense);
        r.cells.put(ResultColumns.DEFENSE_PARAM, defenseParam);
        r.cells.put("fl", "fedsgd");
        r.cells.put(ResultColumns.CLIENTS, Integer.toString(clients));
        r.cells.put("image", "28");
        r.cells.put(ResultColumns.STATUS, ResultColumns.OK);
        r.width = width;
        return r;
    }

    private static final class Row {
        final Map<String, String> cells = new LinkedHashMap<>();
        int width;

        /** Metric values as {@code column=value} pairs separated by spaces, kept as written. */
        Row metrics(String... pairs) {
            for (String group : pairs) {
                for (String pair : group.split(" ", -1)) {
                    String[] kv = pair.split("=", 2);
                    Metric m = Metric.byColumn(kv[0])
                            .orElseThrow(() -> new IllegalArgumentException("fixture uses unknown metric " + kv[0]));
                    cells.put(m.column(), kv[1]);
                }
            }
            return this;
        }

        /** Time and upload, plus what follows from the model: parameters, download, memory. */
        Row cost(String pairs) {
            long params = PARAMS_BY_WIDTH.get(width);
            metrics(pairs);
            cells.put(Metric.PARAMS.column(), Long.toString(params));
            cells.put(Metric.BYTES_DOWN.column(), Long.toString(4 * params));
            cells.put(Metric.PEAK_HEAP_MB.column(), "256");
            cells.put(Metric.OFFHEAP_MB.column(), "0");
            return this;
        }

        Row status(String status) {
            cells.put(ResultColumns.STATUS, status);
            return this;
        }
    }

    private static List<Row> rows() {
        return List.of(
                row("p001", 1, "dlg", 64, 8, "none", "", 10)
                        .metrics("psnr=21.503 ssim=0.5749 mse=0.006162 label_acc=0.821 accuracy=0.856")
                        .cost("time_ms=117.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p001", 2, "dlg", 64, 8, "none", "", 10)
                        .metrics("psnr=22.703 ssim=0.6149 mse=0.006162 label_acc=0.821 accuracy=0.864")
                        .cost("time_ms=123.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p002", 1, "dlg", 64, 8, "dp-sgd", "0.5", 10)
                        .metrics(
                                "psnr=15.536 ssim=0.3444 mse=0.024342 label_acc=0.685",
                                "epsilon=121.257 delta=1e-05 accuracy=0.831")
                        .cost("time_ms=152.0 attack_ms=124.0 defense_ms=15.5 bytes_up=220200"),
                row("p002", 2, "dlg", 64, 8, "dp-sgd", "0.5", 10)
                        .metrics(
                                "psnr=16.736 ssim=0.3844 mse=0.024342 label_acc=0.685",
                                "epsilon=121.257 delta=1e-05 accuracy=0.839")
                        .cost("time_ms=158.0 attack_ms=124.0 defense_ms=15.5 bytes_up=220200"),
                row("p003", 1, "dlg", 64, 8, "dp-sgd", "1.0", 10)
                        .metrics(
                                "psnr=12.094 ssim=0.2114 mse=0.053773 label_acc=0.607",
                                "epsilon=40.0 delta=1e-05 accuracy=0.806")
                        .cost("time_ms=157.0 attack_ms=128.0 defense_ms=16.0 bytes_up=220200"),
                row("p003", 2, "dlg", 64, 8, "dp-sgd", "1.0", 10)
                        .metrics(
                                "psnr=13.294 ssim=0.2514 mse=0.053773 label_acc=0.607",
                                "epsilon=40.0 delta=1e-05 accuracy=0.814")
                        .cost("time_ms=163.0 attack_ms=128.0 defense_ms=16.0 bytes_up=220200"),
                row("p004", 1, "dlg", 64, 8, "dp-sgd", "2.0", 10)
                        .metrics(
                                "psnr=8.963 ssim=0.0904 mse=0.110596 label_acc=0.536",
                                "epsilon=13.195 delta=1e-05 accuracy=0.756")
                        .cost("time_ms=167.0 attack_ms=136.0 defense_ms=17.0 bytes_up=220200"),
                row("p004", 2, "dlg", 64, 8, "dp-sgd", "2.0", 10)
                        .metrics(
                                "psnr=10.163 ssim=0.1304 mse=0.110596 label_acc=0.536",
                                "epsilon=13.195 delta=1e-05 accuracy=0.764")
                        .cost("time_ms=173.0 attack_ms=136.0 defense_ms=17.0 bytes_up=220200"),
                row("p004", 3, "dlg", 64, 8, "dp-sgd", "2.0", 10)
                        .metrics("epsilon=13.195 delta=1e-05")
                        .cost("time_ms=173.0 attack_ms=136.0 defense_ms=17.0 bytes_up=220200")
                        .status("diverged"),
                row("p005", 1, "dlg", 64, 8, "topk", "0.01", 10)
                        .metrics("psnr=13.253 ssim=0.2561 mse=0.041185 label_acc=0.633 accuracy=0.8111")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=4404"),
                row("p005", 2, "dlg", 64, 8, "topk", "0.01", 10)
                        .metrics("psnr=14.453 ssim=0.2961 mse=0.041185 label_acc=0.633 accuracy=0.8191")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=4404"),
                row("p006", 1, "dlg", 64, 8, "topk", "0.1", 10)
                        .metrics("psnr=15.235 ssim=0.3327 mse=0.026094 label_acc=0.678 accuracy=0.8261")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=44040"),
                row("p006", 2, "dlg", 64, 8, "topk", "0.1", 10)
                        .metrics("psnr=16.435 ssim=0.3727 mse=0.026094 label_acc=0.678 accuracy=0.8341")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=44040"),
                row("p007", 1, "dlg", 64, 8, "topk", "0.5", 10)
                        .metrics("psnr=18.818 ssim=0.4711 mse=0.011435 label_acc=0.759 accuracy=0.8447")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=220200"),
                row("p007", 2, "dlg", 64, 8, "topk", "0.5", 10)
                        .metrics("psnr=20.018 ssim=0.5111 mse=0.011435 label_acc=0.759 accuracy=0.8527")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=220200"),
                row("p008", 1, "dlg", 64, 8, "quant", "4", 10)
                        .metrics("psnr=17.977 ssim=0.4387 mse=0.013877 label_acc=0.74 accuracy=0.844")
                        .cost("time_ms=122.0 attack_ms=100.0 defense_ms=12.5 bytes_up=27525"),
                row("p008", 2, "dlg", 64, 8, "quant", "4", 10)
                        .metrics("psnr=19.177 ssim=0.4787 mse=0.013877 label_acc=0.74 accuracy=0.852")
                        .cost("time_ms=128.0 attack_ms=100.0 defense_ms=12.5 bytes_up=27525"),
                row("p009", 1, "dlg", 64, 8, "quant", "8", 10)
                        .metrics("psnr=20.797 ssim=0.5476 mse=0.007249 label_acc=0.804 accuracy=0.852")
                        .cost("time_ms=122.0 attack_ms=100.0 defense_ms=12.5 bytes_up=55050"),
                row("p009", 2, "dlg", 64, 8, "quant", "8", 10)
                        .metrics("psnr=21.997 ssim=0.5876 mse=0.007249 label_acc=0.804 accuracy=0.86")
                        .cost("time_ms=128.0 attack_ms=100.0 defense_ms=12.5 bytes_up=55050"),
                row("p010", 1, "mia", 64, 8, "none", "", 10)
                        .metrics("mia_auc=0.77 mia_tpr_1pct_fpr=0.21 accuracy=0.856")
                        .cost("time_ms=117.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p010", 2, "mia", 64, 8, "none", "", 10)
                        .metrics("mia_auc=0.79 mia_tpr_1pct_fpr=0.21 accuracy=0.864")
                        .cost("time_ms=123.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p011", 1, "mia", 64, 8, "dp-sgd", "0.5", 10)
                        .metrics("mia_auc=0.6515 mia_tpr_1pct_fpr=0.1254 epsilon=121.257 delta=1e-05 accuracy=0.831")
                        .cost("time_ms=152.0 attack_ms=124.0 defense_ms=15.5 bytes_up=220200"),
                row("p011", 2, "mia", 64, 8, "dp-sgd", "0.5", 10)
                        .metrics("mia_auc=0.6715 mia_tpr_1pct_fpr=0.1254 epsilon=121.257 delta=1e-05 accuracy=0.839")
                        .cost("time_ms=158.0 attack_ms=124.0 defense_ms=15.5 bytes_up=220200"),
                row("p012", 1, "mia", 64, 8, "dp-sgd", "1.0", 10)
                        .metrics("mia_auc=0.5832 mia_tpr_1pct_fpr=0.0766 epsilon=40.0 delta=1e-05 accuracy=0.806")
                        .cost("time_ms=157.0 attack_ms=128.0 defense_ms=16.0 bytes_up=220200"),
                row("p012", 2, "mia", 64, 8, "dp-sgd", "1.0", 10)
                        .metrics("mia_auc=0.6032 mia_tpr_1pct_fpr=0.0766 epsilon=40.0 delta=1e-05 accuracy=0.814")
                        .cost("time_ms=163.0 attack_ms=128.0 defense_ms=16.0 bytes_up=220200"),
                row("p013", 1, "mia", 64, 8, "dp-sgd", "2.0", 10)
                        .metrics("mia_auc=0.521 mia_tpr_1pct_fpr=0.0322 epsilon=13.195 delta=1e-05 accuracy=0.756")
                        .cost("time_ms=167.0 attack_ms=136.0 defense_ms=17.0 bytes_up=220200"),
                row("p013", 2, "mia", 64, 8, "dp-sgd", "2.0", 10)
                        .metrics("mia_auc=0.541 mia_tpr_1pct_fpr=0.0322 epsilon=13.195 delta=1e-05 accuracy=0.764")
                        .cost("time_ms=173.0 attack_ms=136.0 defense_ms=17.0 bytes_up=220200"),
                row("p014", 1, "mia", 64, 8, "topk", "0.01", 10)
                        .metrics("mia_auc=0.6062 mia_tpr_1pct_fpr=0.093 accuracy=0.8111")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=4404"),
                row("p014", 2, "mia", 64, 8, "topk", "0.01", 10)
                        .metrics("mia_auc=0.6262 mia_tpr_1pct_fpr=0.093 accuracy=0.8191")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=4404"),
                row("p015", 1, "mia", 64, 8, "topk", "0.1", 10)
                        .metrics("mia_auc=0.6456 mia_tpr_1pct_fpr=0.1211 accuracy=0.8261")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=44040"),
                row("p015", 2, "mia", 64, 8, "topk", "0.1", 10)
                        .metrics("mia_auc=0.6656 mia_tpr_1pct_fpr=0.1211 accuracy=0.8341")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=44040"),
                row("p016", 1, "mia", 64, 8, "topk", "0.5", 10)
                        .metrics("mia_auc=0.7167 mia_tpr_1pct_fpr=0.1719 accuracy=0.8447")
                        .cost("time_ms=132.0 attack_ms=108.0 defense_ms=13.5 bytes_up=220200"),
                row("p016", 2, "mia", 64, 8, "topk", "0.5", 10)
                        .metrics("mia_auc=0.7367 mia_tpr_1pct_fpr=0.1719 accuracy=0.8527")
                        .cost("time_ms=138.0 attack_ms=108.0 defense_ms=13.5 bytes_up=220200"),
                row("p017", 1, "mia", 64, 8, "quant", "4", 10)
                        .metrics("mia_auc=0.7 mia_tpr_1pct_fpr=0.16 accuracy=0.844")
                        .cost("time_ms=122.0 attack_ms=100.0 defense_ms=12.5 bytes_up=27525"),
                row("p017", 2, "mia", 64, 8, "quant", "4", 10)
                        .metrics("mia_auc=0.72 mia_tpr_1pct_fpr=0.16 accuracy=0.852")
                        .cost("time_ms=128.0 attack_ms=100.0 defense_ms=12.5 bytes_up=27525"),
                row("p018", 1, "mia", 64, 8, "quant", "8", 10)
                        .metrics("mia_auc=0.756 mia_tpr_1pct_fpr=0.2 accuracy=0.852")
                        .cost("time_ms=122.0 attack_ms=100.0 defense_ms=12.5 bytes_up=55050"),
                row("p018", 2, "mia", 64, 8, "quant", "8", 10)
                        .metrics("mia_auc=0.776 mia_tpr_1pct_fpr=0.2 accuracy=0.86")
                        .cost("time_ms=128.0 attack_ms=100.0 defense_ms=12.5 bytes_up=55050"),
                row("p019", 1, "dlg", 64, 1, "none", "", 10)
                        .metrics("psnr=29.4 ssim=0.88 mse=0.001 label_acc=1 accuracy=0.856")
                        .cost("time_ms=39.4 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p019", 2, "dlg", 64, 1, "none", "", 10)
                        .metrics("psnr=30.6 ssim=0.92 mse=0.001 label_acc=1 accuracy=0.864")
                        .cost("time_ms=45.4 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p020", 1, "dlg", 64, 4, "none", "", 10)
                        .metrics("psnr=25.142 ssim=0.7155 mse=0.002666 label_acc=0.903 accuracy=0.856")
                        .cost("time_ms=81.9 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p020", 2, "dlg", 64, 4, "none", "", 10)
                        .metrics("psnr=26.342 ssim=0.7555 mse=0.002666 label_acc=0.903 accuracy=0.864")
                        .cost("time_ms=87.9 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p021", 1, "dlg", 64, 16, "none", "", 10)
                        .metrics("psnr=17.4 ssim=0.4164 mse=0.015849 label_acc=0.727 accuracy=0.856")
                        .cost("time_ms=166.7 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p021", 2, "dlg", 64, 16, "none", "", 10)
                        .metrics("psnr=18.6 ssim=0.4564 mse=0.015849 label_acc=0.727 accuracy=0.864")
                        .cost("time_ms=172.7 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p022", 1, "dlg", 64, 32, "none", "", 10)
                        .metrics("psnr=13.722 ssim=0.2743 mse=0.036967 label_acc=0.644 accuracy=0.856")
                        .cost("time_ms=237.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p022", 2, "dlg", 64, 32, "none", "", 10)
                        .metrics("psnr=14.922 ssim=0.3143 mse=0.036967 label_acc=0.644 accuracy=0.864")
                        .cost("time_ms=243.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p023", 1, "dlg", 16, 8, "none", "", 10)
                        .metrics("psnr=23.6 ssim=0.6559 mse=0.003802 label_acc=0.868 accuracy=0.856")
                        .cost("time_ms=27.0 attack_ms=96.0 defense_ms=12.0 bytes_up=52008"),
                row("p023", 2, "dlg", 16, 8, "none", "", 10)
                        .metrics("psnr=24.8 ssim=0.6959 mse=0.003802 label_acc=0.868 accuracy=0.864")
                        .cost("time_ms=33.0 attack_ms=96.0 defense_ms=12.0 bytes_up=52008"),
                row("p024", 1, "dlg", 256, 8, "none", "", 10)
                        .metrics("psnr=19.677 ssim=0.5043 mse=0.009382 label_acc=0.779 accuracy=0.856")
                        .cost("time_ms=477.0 attack_ms=96.0 defense_ms=12.0 bytes_up=1077288"),
                row("p024", 2, "dlg", 256, 8, "none", "", 10)
                        .metrics("psnr=20.877 ssim=0.5443 mse=0.009382 label_acc=0.779 accuracy=0.864")
                        .cost("time_ms=483.0 attack_ms=96.0 defense_ms=12.0 bytes_up=1077288"),
                row("p025", 1, "dlg", 1024, 8, "none", "", 10)
                        .metrics("psnr=18.088 ssim=0.4429 mse=0.013528 label_acc=0.743 accuracy=0.856")
                        .cost("time_ms=1917.0 attack_ms=96.0 defense_ms=12.0 bytes_up=7454760"),
                row("p025", 2, "dlg", 1024, 8, "none", "", 10)
                        .metrics("psnr=19.288 ssim=0.4829 mse=0.013528 label_acc=0.743 accuracy=0.864")
                        .cost("time_ms=1923.0 attack_ms=96.0 defense_ms=12.0 bytes_up=7454760"),
                row("p026", 1, "dlg", 64, 8, "sign", "", 10)
                        .metrics("psnr=14.451 ssim=0.3024 mse=0.031252 label_acc=0.66 accuracy=0.786")
                        .cost("time_ms=119.0 attack_ms=97.6 defense_ms=12.2 bytes_up=6881"),
                row("p026", 2, "dlg", 64, 8, "sign", "", 10)
                        .metrics("psnr=15.651 ssim=0.3424 mse=0.031252 label_acc=0.66 accuracy=0.794")
                        .cost("time_ms=125.0 attack_ms=97.6 defense_ms=12.2 bytes_up=6881"),
                row("p026", 3, "dlg", 64, 8, "sign", "", 10)
                        .cost("time_ms=125.0 attack_ms=97.6 defense_ms=12.2 bytes_up=6881")
                        .status("failed: out of memory"),
                row("p104n", 1, "dlg", 64, 8, "none", "", 4)
                        .metrics("psnr=21.8 ssim=0.59 accuracy=0.856")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p104n", 2, "dlg", 64, 8, "none", "", 4)
                        .metrics("psnr=22.4 ssim=0.59 accuracy=0.864")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p104s", 1, "dlg", 64, 8, "secagg", "", 4)
                        .metrics("psnr=15.4 ssim=0.41 accuracy=0.856")
                        .cost("time_ms=142.4 attack_ms=96.0 defense_ms=22.4 bytes_up=220744"),
                row("p104s", 2, "dlg", 64, 8, "secagg", "", 4)
                        .metrics("psnr=16.0 ssim=0.41 accuracy=0.864")
                        .cost("time_ms=142.9 attack_ms=96.0 defense_ms=22.92 bytes_up=220744"),
                row("p108n", 1, "dlg", 64, 8, "none", "", 8)
                        .metrics("psnr=21.8 ssim=0.59 accuracy=0.856")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p108n", 2, "dlg", 64, 8, "none", "", 8)
                        .metrics("psnr=22.4 ssim=0.59 accuracy=0.864")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p108s", 1, "dlg", 64, 8, "secagg", "", 8)
                        .metrics("psnr=12.2 ssim=0.32 accuracy=0.856")
                        .cost("time_ms=152.8 attack_ms=96.0 defense_ms=32.8 bytes_up=221384"),
                row("p108s", 2, "dlg", 64, 8, "secagg", "", 8)
                        .metrics("psnr=12.8 ssim=0.32 accuracy=0.864")
                        .cost("time_ms=153.8 attack_ms=96.0 defense_ms=33.84 bytes_up=221384"),
                row("p116n", 1, "dlg", 64, 8, "none", "", 16)
                        .metrics("psnr=21.8 ssim=0.59 accuracy=0.856")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p116n", 2, "dlg", 64, 8, "none", "", 16)
                        .metrics("psnr=22.4 ssim=0.59 accuracy=0.864")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p116s", 1, "dlg", 64, 8, "secagg", "", 16)
                        .metrics("psnr=9.0 ssim=0.23 accuracy=0.856")
                        .cost("time_ms=173.6 attack_ms=96.0 defense_ms=53.6 bytes_up=222664"),
                row("p116s", 2, "dlg", 64, 8, "secagg", "", 16)
                        .metrics("psnr=9.6 ssim=0.23 accuracy=0.864")
                        .cost("time_ms=175.7 attack_ms=96.0 defense_ms=55.68 bytes_up=222664"),
                row("p132n", 1, "dlg", 64, 8, "none", "", 32)
                        .metrics("psnr=21.8 ssim=0.59 accuracy=0.856")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p132n", 2, "dlg", 64, 8, "none", "", 32)
                        .metrics("psnr=22.4 ssim=0.59 accuracy=0.864")
                        .cost("time_ms=132.0 attack_ms=96.0 defense_ms=12.0 bytes_up=220200"),
                row("p132s", 1, "dlg", 64, 8, "secagg", "", 32)
                        .metrics("psnr=5.8 ssim=0.14 accuracy=0.856")
                        .cost("time_ms=215.2 attack_ms=96.0 defense_ms=95.2 bytes_up=225224"),
                row("p132s", 2, "dlg", 64, 8, "secagg", "", 32)
                        .metrics("psnr=6.4 ssim=0.14 accuracy=0.864")
                        .cost("time_ms=219.4 attack_ms=96.0 defense_ms=99.36 bytes_up=225224"),
                row("p201", 1, "idlg", 64, 1, "none", "", 10)
                        .metrics("psnr=32.75 ssim=0.91 label_acc=1 accuracy=0.856")
                        .cost("time_ms=39.4 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p201", 2, "idlg", 64, 1, "none", "", 10)
                        .metrics("psnr=33.25 ssim=0.91 label_acc=1 accuracy=0.864")
                        .cost("time_ms=39.4 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p204", 1, "idlg", 64, 4, "none", "", 10)
                        .metrics("psnr=27.25 ssim=0.745 label_acc=1 accuracy=0.856")
                        .cost("time_ms=81.9 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p204", 2, "idlg", 64, 4, "none", "", 10)
                        .metrics("psnr=27.75 ssim=0.745 label_acc=1 accuracy=0.864")
                        .cost("time_ms=81.9 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p208", 1, "idlg", 64, 8, "none", "", 10)
                        .metrics("psnr=22.75 ssim=0.61 label_acc=1 accuracy=0.856")
                        .cost("time_ms=120.0 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p208", 2, "idlg", 64, 8, "none", "", 10)
                        .metrics("psnr=23.25 ssim=0.61 label_acc=1 accuracy=0.864")
                        .cost("time_ms=120.0 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p216", 1, "idlg", 64, 16, "none", "", 10)
                        .metrics("psnr=18.15 ssim=0.472 label_acc=1 accuracy=0.856")
                        .cost("time_ms=166.7 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p216", 2, "idlg", 64, 16, "none", "", 10)
                        .metrics("psnr=18.65 ssim=0.472 label_acc=1 accuracy=0.864")
                        .cost("time_ms=166.7 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p232", 1, "idlg", 64, 32, "none", "", 10)
                        .metrics("psnr=14.25 ssim=0.355 label_acc=1 accuracy=0.856")
                        .cost("time_ms=237.0 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"),
                row("p232", 2, "idlg", 64, 32, "none", "", 10)
                        .metrics("psnr=14.75 ssim=0.355 label_acc=1 accuracy=0.864")
                        .cost("time_ms=237.0 attack_ms=80.0 defense_ms=12.0 bytes_up=220200"));
    }
}
