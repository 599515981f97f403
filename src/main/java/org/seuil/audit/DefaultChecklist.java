package org.seuil.audit;

import static org.seuil.audit.AnswerKind.COUNT;
import static org.seuil.audit.AnswerKind.LENGTH;
import static org.seuil.audit.AnswerKind.SLOPE;
import static org.seuil.audit.AnswerKind.YES_NO;
import static org.seuil.audit.AnswerKind.CHOICE;

import java.util.List;
import org.seuil.domain.Criterion;

/**
 * The checklist a campaign gets when it names none. Every item says which report field it fills,
 * and its OSM key, A11yJSON path and acceslibre field, so that one visit answers all three
 * vocabularies. The sections are acceslibre's; the measured items are those the rule sets grade.
 */
public final class DefaultChecklist {
    public static final String ID = "seuil-default";

    private DefaultChecklist() {
    }

    public static Checklist get() {
        return new Checklist(ID, "Seuil default checklist (OSM, A11yJSON, acceslibre)", List.of(
                item("transport.stop-nearby", Section.TRANSPORT, "Is there a public transport stop within 200 m?", YES_NO, null,
                        null, null, "transport_station_presence"),
                item("parking.disabled-spaces", Section.PARKING, "How many parking spaces are reserved for disabled people?", COUNT,
                        Criterion.PARKING_SPACES, null, "parking.forWheelchairUsers.count", "stationnement_pmr"),
                item("parking.step-free", Section.PARKING, "Is the way from the parking to the entrance step-free?", YES_NO,
                        Criterion.PARKING_STEP_FREE, null, "parking.forWheelchairUsers.isStepFree", null),
                item("path.kerb", Section.OUTDOOR_PATH, "What kerb is there on the way to the entrance?", CHOICE,
                        Criterion.KERB, null, "pathways.kerb", "cheminement_ext_ressaut"),
                item("path.surface", Section.OUTDOOR_PATH, "What is the surface of the way?", CHOICE,
                        Criterion.SURFACE, null, "ground.surface", "cheminement_ext_terrain_stable"),
                item("path.smoothness", Section.OUTDOOR_PATH, "How smooth is the way?", CHOICE,
                        Criterion.SMOOTHNESS, null, "ground.evenness", null),
                item("path.incline", Section.OUTDOOR_PATH, "Steepest slope on the way (measure it, in %)", SLOPE,
                        Criterion.INCLINE, null, "ground.slope", "cheminement_ext_pente_presence"),
                item("entrance.step-count", Section.ENTRANCE, "How many steps at the entrance? (0 if none)", COUNT,
                        Criterion.STEP_COUNT, null, "entrances[].stairs.count", "entree_marches"),
                item("entrance.step-height", Section.ENTRANCE, "Height of the highest step (measure it)", LENGTH,
                        Criterion.STEP_HEIGHT, null, "entrances[].stairs.stepHeight", "entree_marches"),
                item("entrance.ramp", Section.ENTRANCE, "Is there a ramp: none, fixed or removable?", CHOICE,
                        Criterion.RAMP, null, "entrances[].hasFixedRamp", "entree_marches_rampe"),
                item("entrance.door-width", Section.ENTRANCE, "Clear width of the entrance door (measure it)", LENGTH,
                        Criterion.DOOR_WIDTH, null, "entrances[].door.width", "entree_largeur_mini"),
                item("entrance.automatic-door", Section.ENTRANCE, "Does the door open automatically?", YES_NO,
                        Criterion.AUTOMATIC_DOOR, null, "entrances[].door.isAutomatic", "entree_porte_manoeuvre"),
                item("entrance.doorbell", Section.ENTRANCE, "Is there a doorbell or intercom reachable from a wheelchair?", YES_NO,
                        Criterion.DOORBELL, null, "entrances[].hasIntercom", "entree_dispositif_appel"),
                item("reception.staff", Section.RECEPTION, "Are staff present to welcome visitors?", YES_NO, null,
                        null, null, "accueil_personnels"),
                item("reception.hearing-loop", Section.RECEPTION, "Is there a hearing loop at the desk?", YES_NO, null,
                        "hearing_loop", "hasInductionLoop", "accueil_equipements_malentendants_presence"),
                item("reception.step-free-inside", Section.RECEPTION, "Is the way from the entrance to the desk step-free?", YES_NO,
                        null, null, "interior.isStepFree", "accueil_cheminement_plain_pied"),
                item("toilets.wheelchair", Section.TOILETS, "Are there wheelchair-accessible toilets: yes, limited or no?", CHOICE,
                        Criterion.TOILETS_WHEELCHAIR, null, "restrooms[].isAccessibleWithWheelchair", "sanitaires_adaptes"),
                item("toilets.door-width", Section.TOILETS, "Clear width of the toilet door (measure it)", LENGTH,
                        Criterion.TOILET_DOOR_WIDTH, null, "restrooms[].entrances[].door.width", null),
                item("toilets.turning-space", Section.TOILETS, "Diameter of the free turning space inside (measure it)", LENGTH,
                        Criterion.TOILET_TURNING_SPACE, null, "restrooms[].turningSpaceInside", null),
                item("toilets.grab-bars", Section.TOILETS, "Are there grab bars beside the toilet?", YES_NO,
                        Criterion.TOILET_GRAB_BARS, null, "restrooms[].toilet.grabBars", null)));
    }

    private static ChecklistItem item(String id, Section section, String question, AnswerKind answer, Criterion criterion,
                                      String osmTag, String a11yJson, String acceslibre) {
        return new ChecklistItem(id, section, question, answer, criterion, osmTag, a11yJson, acceslibre, List.of());
    }
}
