package org.seuil.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.seuil.domain.InvalidValueException;

/** The questions volunteers answer at each venue, in visiting order. */
public record Checklist(String id, String name, List<ChecklistItem> items) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Checklist {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidValueException("id", "'" + id + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidValueException("name", "is required, at most 200 characters");
        }
        items = items == null ? List.of() : List.copyOf(items);
        if (items.isEmpty()) {
            throw new InvalidValueException("items", "a checklist needs at least one item");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).id())) {
                throw new InvalidValueException("items[" + i + "].id", "'" + items.get(i).id() + "' appears twice");
            }
        }
    }

    public List<ChecklistItem> items(Section section) {
        return items.stream().filter(i -> i.section() == section).toList();
    }
}
