package org.seuil.audit;

import static org.seuil.domain.Accessibility.LIMITED;
import static org.seuil.domain.Accessibility.NO;
import static org.seuil.domain.Accessibility.UNKNOWN;
import static org.seuil.domain.Accessibility.YES;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Ramp;

/**
 * The two rule sets, each rule with its source (docs/audits.md has the same table). Thresholds
 * are compared with a tolerance of half a millimetre, as a tape measure reads.
 */
public final class RuleSets {
    private static final double TOLERANCE_M = 0.0005;
    private static final String OSM_WHEELCHAIR = "OSM wiki, Key:wheelchair (https://wiki.openstreetmap.org/wiki/Key:wheelchair)";
    private static final String OSM_TOILETS = "OSM wiki, Key:toilets:wheelchair; sizes from DIN 18040-1 §5.3.3 (door 90 cm, 150 × 150 cm turning space)";
    private static final String DIN_DOOR = "DIN 18040-1 §4.3.3.2 (clear door width 90 cm), as Wheelmap guidance uses it;"
            + " below 70 cm (a usual manual chair, WheelchairProfile.TYPICAL) no chair passes";
    private static final String ERP_2014 = "Arrêté du 8 décembre 2014 (ERP situés dans un cadre bâti existant)";
    private static final String ERP_2017 = "Arrêté du 20 avril 2017 (ERP lors de leur construction)";

    private RuleSets() {
    }

    public static RuleSet of(RuleSetName name) {
        return name == RuleSetName.OSM ? osm() : erp();
    }

    /** OSM {@code wheelchair=*}: the entrance decides; toilets are graded apart, as OSM tags them apart. */
    public static RuleSet osm() {
        return new RuleSet(RuleSetName.OSM, "OpenStreetMap wheelchair=* rules", List.of(
                new Rule("osm.entrance-steps", Section.ENTRANCE,
                        "Step-free (or a fixed ramp) is yes; one step of at most 7 cm is limited; a higher step or several steps is no;"
                                + " steps with a removable ramp are limited",
                        OSM_WHEELCHAIR + ": limited = 'entrance has one step with max. 7 cm height'",
                        m -> steps(m, 0, 0.07)),
                new Rule("osm.entrance-door", Section.ENTRANCE,
                        "Door at least 90 cm wide is yes; 70-90 cm is limited; narrower is no",
                        DIN_DOOR, m -> width(m.doorWidthMetres(), 0.90, 0.70, "entrance door")),
                new Rule("osm.toilets-door", Section.TOILETS, "Toilet door at least 90 cm is yes; 70-90 cm limited; narrower no",
                        OSM_TOILETS, m -> width(m.toiletDoorWidthMetres(), 0.90, 0.70, "toilet door")),
                new Rule("osm.toilets-turning", Section.TOILETS,
                        "Turning space of 150 cm is yes; 120-150 cm limited; less is no",
                        OSM_TOILETS, m -> width(m.turningSpaceMetres(), 1.50, 1.20, "turning space")),
                new Rule("osm.toilets-grab-bars", Section.TOILETS, "No grab bar beside the toilet is limited",
                        OSM_TOILETS, m -> yesOrLimited(m.grabBars(), "grab bars"))),
                Set.of(Section.ENTRANCE));
    }

    /** French ERP accessibility rules, new buildings (2017) as "yes" and existing ones (2014) as "limited". */
    public static RuleSet erp() {
        return new RuleSet(RuleSetName.ERP, "French ERP accessibility rules (arrêtés 2014 and 2017)", List.of(
                new Rule("erp.path-incline", Section.OUTDOOR_PATH,
                        "Slope up to 5 % is yes; up to 10 % is limited (allowed only over 2 m or less, which the survey does not"
                                + " measure); steeper is no",
                        ERP_2017 + ", annexe 2 §1 (5 %, 8 % ≤ 2 m, 10 % ≤ 0.50 m); " + ERP_2014 + ", art. 2 (6 %, 10 % ≤ 2 m, 12 % ≤ 0.50 m)",
                        RuleSets::incline),
                new Rule("erp.path-kerb", Section.OUTDOOR_PATH,
                        "A flush kerb is yes; a lowered or rolled kerb is limited (a 'ressaut' must be 2 cm at most, 4 cm chamfered);"
                                + " a raised kerb is no",
                        ERP_2017 + ", annexe 2 §1 (ressauts ≤ 2 cm, ≤ 4 cm avec chanfrein à 33 %)", RuleSets::kerb),
                new Rule("erp.entrance-steps", Section.ENTRANCE,
                        "Step-free, a fixed ramp, or one step of at most 2 cm is yes; one step of at most 4 cm is limited (allowed only"
                                + " chamfered); a removable ramp is limited; anything higher is no",
                        ERP_2017 + ", annexe 2 §1; removable ramp: " + ERP_2014 + ", art. 2 (dérogation)",
                        m -> steps(m, 0.02, 0.04)),
                new Rule("erp.entrance-door", Section.ENTRANCE,
                        "Door at least 0.90 m is yes (new buildings); 0.80-0.90 m is limited (existing buildings' minimum); narrower is no",
                        ERP_2017 + ", art. 10 (0.90 m, passage utile 0.83 m); " + ERP_2014 + ", art. 10 (0.80 m, passage utile 0.77 m)",
                        m -> width(m.doorWidthMetres(), 0.90, 0.80, "entrance door")),
                new Rule("erp.toilets-door", Section.TOILETS,
                        "Toilet door at least 0.90 m is yes; 0.80-0.90 m limited; narrower no",
                        ERP_2017 + ", art. 10 and 12; " + ERP_2014 + ", art. 10",
                        m -> width(m.toiletDoorWidthMetres(), 0.90, 0.80, "toilet door")),
                new Rule("erp.toilets-turning", Section.TOILETS,
                        "A turning circle of 1.50 m is yes; 1.30-1.50 m limited (the 0.80 × 1.30 m 'espace d'usage' fits); less is no",
                        ERP_2017 + ", art. 12 and annexe 2 §2 (espace de manœuvre Ø 1.50 m, espace d'usage 0.80 × 1.30 m)",
                        m -> width(m.turningSpaceMetres(), 1.50, 1.30, "turning space")),
                new Rule("erp.toilets-grab-bars", Section.TOILETS, "No grab bar beside the toilet is limited",
                        ERP_2017 + ", art. 12 (barre d'appui latérale)", m -> yesOrLimited(m.grabBars(), "grab bars")),
                new Rule("erp.parking-spaces", Section.PARKING,
                        "A car park with no space for disabled people is no",
                        ERP_2017 + ", art. 3 (2 % of the spaces, at least one)", RuleSets::parking)),
                Set.of(Section.OUTDOOR_PATH, Section.ENTRANCE, Section.TOILETS));
    }


    /**
     * Steps at the entrance. One step up to {@code yesHeight} counts as step-free, up to
     * {@code limitedHeight} as limited; more steps, or higher, as no, unless a ramp bypasses them.
     */
    private static Optional<Rule.Verdict> steps(Measurements m, double yesHeight, double limitedHeight) {
        Integer count = m.stepCount();
        Double height = m.stepHeightMetres();
        Ramp ramp = m.ramp();
        if (count == null && height == null) {
            return Optional.empty();
        }
        int steps = count != null ? count : (height > 0 ? 1 : 0);
        String observed = steps == 0 ? "no step" : steps + (steps == 1 ? " step" : " steps")
                + (height == null ? "" : " of " + centimetres(height)) + (ramp == null || ramp == Ramp.NONE ? "" : ", " + ramp.name().toLowerCase(Locale.ROOT) + " ramp");
        Accessibility outcome;
        if (steps == 0) {
            outcome = YES;
        } else if (ramp == Ramp.FIXED) {
            outcome = YES;
        } else if (steps == 1 && height == null) {
            outcome = ramp == Ramp.REMOVABLE ? LIMITED : UNKNOWN;
            if (outcome == UNKNOWN) {
                observed += " (height not measured)";
            }
        } else if (steps == 1 && height <= yesHeight + TOLERANCE_M) {
            outcome = YES;
        } else if (steps == 1 && height <= limitedHeight + TOLERANCE_M) {
            outcome = LIMITED;
        } else {
            outcome = ramp == Ramp.REMOVABLE ? LIMITED : NO;
        }
        return Optional.of(new Rule.Verdict(outcome, observed));
    }

    private static Optional<Rule.Verdict> width(Double metres, double yes, double limited, String what) {
        if (metres == null) {
            return Optional.empty();
        }
        Accessibility outcome = metres >= yes - TOLERANCE_M ? YES : metres >= limited - TOLERANCE_M ? LIMITED : NO;
        return Optional.of(new Rule.Verdict(outcome, what + " " + centimetres(metres)));
    }

    private static Optional<Rule.Verdict> yesOrLimited(Boolean present, String what) {
        if (present == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule.Verdict(present ? YES : LIMITED, present ? what : "no " + what));
    }

    private static Optional<Rule.Verdict> incline(Measurements m) {
        Double percent = m.inclinePercent();
        if (percent == null) {
            return Optional.empty();
        }
        Accessibility outcome = percent <= 5 + 1e-9 ? YES : percent <= 10 + 1e-9 ? LIMITED : NO;
        return Optional.of(new Rule.Verdict(outcome, "slope " + trim(percent) + " %"));
    }

    private static Optional<Rule.Verdict> kerb(Measurements m) {
        if (m.kerb() == null) {
            return Optional.empty();
        }
        Accessibility outcome = switch (m.kerb()) {
            case FLUSH, NO -> YES;
            case LOWERED, ROLLED -> LIMITED;
            case RAISED -> NO;
        };
        return Optional.of(new Rule.Verdict(outcome, m.kerb().osm() + " kerb"));
    }

    private static Optional<Rule.Verdict> parking(Measurements m) {
        Integer spaces = m.parkingSpaces();
        if (spaces == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule.Verdict(spaces > 0 ? YES : NO, spaces + " disabled parking space" + (spaces == 1 ? "" : "s")));
    }

    static String centimetres(double metres) {
        return trim(metres * 100) + " cm";
    }

    private static String trim(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
