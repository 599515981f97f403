package org.seuil.audit;

import java.util.UUID;
import java.util.regex.Pattern;
import org.seuil.domain.InvalidValueException;

/** A campaign's stable id: a lower-case UUID, so campaigns made on two devices never collide. */
public record CampaignId(String value) {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public CampaignId {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new InvalidValueException("campaign", "'" + value + "' is not a lower-case UUID");
        }
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
