package org.leakbench.defense.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fixed sequence of image transformations, applied left to right, with fixed magnitudes: the kind of policy
 * ATS searches for (Gao, Liu, Zhang, Qiu, Sun, Privacy-preserving Collaborative Learning with Automatic
 * Transformation Search, CVPR 2021), whose search space holds shifts, flips, rotations and contrast changes among
 * others. Here the policy is given rather than searched, and it is applied the same way to every image
 * (deterministic, as ATS applies a chosen policy); the searched, per-image sampled policies of the paper are not
 * reproduced.
 *
 * @param steps    the transformations, e.g. [rotate, shift, contrast]
 * @param degrees  the rotation angle of {@code rotate} (counter-clockwise, about the image centre)
 * @param pixels   the shift of {@code shift}, down and right
 * @param contrast the contrast factor of {@code contrast}: v ↦ contrast·(v − ½) + ½
 */
public record AugmentationPolicy(List<String> steps, double degrees, int pixels, double contrast) {
    /** The transformation names a policy may use. */
    public static final List<String> TRANSFORMS = List.of("hflip", "vflip", "shift", "rotate", "contrast");

    public AugmentationPolicy {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("ats.policy: name at least one of " + TRANSFORMS);
        }
        for (String s : steps) {
            if (!TRANSFORMS.contains(s)) {
                throw new IllegalArgumentException("ats.policy: unknown transformation '" + s + "'; use a "
                        + "comma-separated list of " + TRANSFORMS);
            }
        }
        if (!Double.isFinite(degrees) || pixels < 0 || !(contrast > 0) || Double.isInfinite(contrast)) {
            throw new IllegalArgumentException("ats: need a finite angle, a shift >= 0 and a contrast > 0, got "
                    + degrees + ", " + pixels + ", " + contrast);
        }
        steps = List.copyOf(steps);
    }

    /** The policy written as a comma-separated list ("rotate,shift,contrast"). */
    public static AugmentationPolicy parse(String policy, double degrees, int pixels, double contrast) {
        List<String> steps = new ArrayList<>();
        for (String s : policy.split(",", -1)) {
            steps.add(s.trim().toLowerCase(Locale.ROOT));
        }
        return new AugmentationPolicy(steps, degrees, pixels, contrast);
    }

    /** The whole policy as one affine map of an h×w channel. */
    PixelMap map(int h, int w) {
        PixelMap m = PixelMap.identity(h, w);
        for (String s : steps) {
            m = step(s, h, w).after(m);
        }
        return m;
    }

    private PixelMap step(String s, int h, int w) {
        return switch (s) {
            case "hflip" -> PixelMap.resample(h, w, (y, x) -> new double[] {y, w - 1 - x});
            case "vflip" -> PixelMap.resample(h, w, (y, x) -> new double[] {h - 1 - y, x});
            case "shift" -> PixelMap.resample(h, w, (y, x) -> new double[] {y - pixels, x - pixels});
            case "rotate" -> rotation(h, w);
            case "contrast" -> PixelMap.pointwise(h, w, contrast, 0.5 * (1 - contrast));
            default -> throw new IllegalArgumentException("ats.policy: unknown transformation '" + s + "'");
        };
    }

    /** Output (y, x) reads the input at the point rotated back by the angle about the centre. */
    private PixelMap rotation(int h, int w) {
        double a = Math.toRadians(degrees);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        return PixelMap.resample(h, w, (y, x) -> {
            double dy = y - cy;
            double dx = x - cx;
            return new double[] {cy + cos * dy - sin * dx, cx + sin * dy + cos * dx};
        });
    }

    @Override
    public String toString() {
        return String.join(",", steps);
    }
}
