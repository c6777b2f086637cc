package org.leakbench.data.text;

import java.nio.file.Path;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DatasetComponent;

/**
 * The registered text data sets. They claim {@link Capability#TOKEN_SAMPLES} and not
 * {@link Capability#IMAGE_SAMPLES}: a sample is a window of token ids, so components that need images, and
 * attacks that score reconstructions as pixel values, refuse them.
 */
public final class TextDatasetComponents {
    private static final String KJV = "King James Version of the Bible (1611), public domain";
    private static final String SENNRICH =
            "Sennrich, Haddow, Birch, Neural Machine Translation of Rare Words with " + "Subword Units, ACL 2016";
    private static final String WINDOWS = " windows of text.context tokens labelled with the next token, at most "
            + TokenWindows.MAX_WINDOWS + " per split";

    private TextDatasetComponents() {}

    /** A text data set: reads the context and stride, and the vocabulary size when it uses BPE. */
    abstract static class TextDataset extends DatasetComponent {
        private final boolean bpe;

        TextDataset(String name, String summary, String citation) {
            super(describe(name, summary, citation));
            this.bpe = TextDatasets.usesBpe(name);
        }

        private static Descriptor describe(String name, String summary, String citation) {
            Descriptor.Builder b = Descriptor.of(ComponentKind.DATASET, name, summary)
                    .cites(citation)
                    .parameters(TextOptions.CONTEXT, TextOptions.STRIDE)
                    .does(Capability.TOKEN_SAMPLES);
            if (TextDatasets.usesBpe(name)) {
                b.parameters(TextOptions.VOCABULARY);
            }
            return b.build();
        }

        @Override
        public DataSplit load(Path dataDir) {
            return TextDatasets.load(name(), dataDir, TextOptions.DEFAULTS, System::getenv);
        }

        @Override
        public DataSplit load(Path dataDir, ParameterView point) {
            return TextDatasets.load(name(), dataDir, TextOptions.from(point, bpe), System::getenv);
        }

        /** A window's length is a parameter of the point, so the shape is known only with one. */
        @Override
        public java.util.Optional<int[]> sampleShape() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<int[]> sampleShape(ParameterView point) {
            return java.util.Optional.of(new int[] {TextOptions.from(point, bpe).context()});
        }

        @Override
        public String loadKey(ParameterView point) {
            TextOptions o = TextOptions.from(point, bpe);
            return name() + ":context=" + o.context() + ":stride=" + o.effectiveStride()
                    + (bpe ? ":vocab=" + o.vocabulary() : "") + (readsFiles() ? ":dir=" + DataDirectory.get() : "");
        }

        boolean readsFiles() {
            return name().equals(TextDatasets.FILES_CHAR) || name().equals(TextDatasets.FILES_BPE);
        }
    }

    /** The bundled books, one token per character. */
    public static final class TextChar extends TextDataset {
        public TextChar() {
            super(
                    TextDatasets.CHAR,
                    "bundled English text (four books of the King James Version, 409 kB), " + "one token per character;"
                            + WINDOWS,
                    KJV);
        }
    }

    /** The bundled books, byte-pair encoded. */
    public static final class TextBpe extends TextDataset {
        public TextBpe() {
            super(
                    TextDatasets.BPE,
                    "bundled English text (four books of the King James Version, 409 kB), "
                            + "byte-pair encoded to text.vocab tokens;" + WINDOWS,
                    KJV + "; " + SENNRICH);
        }
    }

    /** The user's own UTF-8 files, one token per character. */
    public static final class TextFilesChar extends TextDataset {
        public TextFilesChar() {
            super(
                    TextDatasets.FILES_CHAR,
                    "your own UTF-8 .txt files (--data-dir or $" + TextDatasets.ENV + "), one token per character;"
                            + WINDOWS,
                    "");
        }
    }

    /** The user's own UTF-8 files, byte-pair encoded. */
    public static final class TextFilesBpe extends TextDataset {
        public TextFilesBpe() {
            super(
                    TextDatasets.FILES_BPE,
                    "your own UTF-8 .txt files (--data-dir or $" + TextDatasets.ENV
                            + "), byte-pair encoded to text.vocab tokens;" + WINDOWS,
                    SENNRICH);
        }
    }
}
