package org.seuil.sync.protocol;

/**
 * How much one request may carry. Checked while the body streams in, so an oversized or hostile
 * body is refused before it fills memory.
 */
public record WireLimits(long maxBodyBytes, int maxFeatures, int maxStringLength) {
    public static final WireLimits DEFAULT = new WireLimits(8L * 1024 * 1024, 1000, 20_000);

    public WireLimits {
        if (maxBodyBytes < 1024 || maxFeatures < 1 || maxStringLength < 256) {
            throw new IllegalArgumentException("wire limits too small: " + maxBodyBytes + " bytes, " + maxFeatures
                    + " features, strings of " + maxStringLength);
        }
    }
}
