package org.seuil.audit.output;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.AuditSummary;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Rule;
import org.seuil.audit.RuleSets;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.WebMercator;

/**
 * The printable report of a campaign (A4): the summary figures and the map of the district with
 * venues coloured by grade (filled when audited, hollow while pending), a table of every venue
 * with its barriers, the rules used with their sources, and the data licence. Text is set in
 * Helvetica, which every PDF reader has; characters outside its Latin-1 range print as '?'.
 */
public final class AuditPdf {
    static final Color YES = new Color(0x1a9850);
    static final Color LIMITED = new Color(0xf28e2b);
    static final Color NO = new Color(0xd73027);
    static final Color UNKNOWN = new Color(0x8c8c8c);
    private static final Color DISTRICT = new Color(0x2166ac);
    private static final float MARGIN = 40;
    private static final float MAP_MAX_HEIGHT = 330;
    /** Map pixels per PDF point: 2 gives 144 dpi on paper, sharp enough for street names. */
    private static final int MAP_PIXELS_PER_POINT = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** What was written. */
    public record Summary(int pages, boolean mapBackground) {
    }

    private AuditPdf() {
    }

    public static Summary write(AuditSnapshot snapshot, MapBackdrop backdrop, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Accessibility audit: " + snapshot.campaign().name());
            info.setCreator("Seuil");
            Pen pen = new Pen(doc);
            Campaign c = snapshot.campaign();
            pen.text(Pen.BOLD, 18, "Accessibility audit: " + c.name());
            pen.gap(4);
            pen.text(Pen.REGULAR, 10, "Report of " + DAY.format(snapshot.at()) + ", rule set " + RuleSets.of(c.rules()).title());
            pen.gap(10);
            for (String line : AuditSummary.lines(snapshot)) {
                pen.text(Pen.REGULAR, 9.5f, line);
            }
            pen.gap(10);
            boolean background = map(pen, snapshot, backdrop);

            pen.newPage();
            pen.text(Pen.BOLD, 13, "Venues by category (audited / all)");
            pen.gap(4);
            for (String line : AuditSummary.categoryLines(snapshot)) {
                pen.text(Pen.REGULAR, 8.5f, line);
            }
            pen.gap(12);
            table(pen, snapshot);

            pen.gap(14);
            pen.text(Pen.BOLD, 13, "Rules and their sources");
            pen.gap(4);
            for (Rule rule : RuleSets.of(c.rules()).rules()) {
                pen.paragraph(Pen.BOLD, 8.5f, rule.id() + " (" + rule.section().code() + ")", 0, pen.width());
                pen.paragraph(Pen.REGULAR, 8.5f, rule.description(), 10, pen.width() - 10);
                pen.paragraph(Pen.REGULAR, 8, "Source: " + rule.source(), 10, pen.width() - 10);
                pen.gap(3);
            }
            pen.gap(10);
            pen.text(Pen.BOLD, 13, "Licence");
            pen.gap(4);
            pen.paragraph(Pen.REGULAR, 9, ReportLicence.FULL, 0, pen.width());
            pen.finish(c.name());
            doc.save(out);
            return new Summary(doc.getNumberOfPages(), background);
        }
    }

    static Color colour(Accessibility grade) {
        return switch (grade.shown()) {
            case YES -> YES;
            case LIMITED -> LIMITED;
            case NO -> NO;
            default -> UNKNOWN;
        };
    }

    /** Draws the map under the summary; returns whether it has a background image. */
    private static boolean map(Pen pen, AuditSnapshot snapshot, MapBackdrop backdrop) throws IOException {
        BoundingBox district = snapshot.campaign().district().boundingBox();
        double x0 = WebMercator.xFraction(district.minLon());
        double x1 = WebMercator.xFraction(district.maxLon());
        double y0 = WebMercator.yFraction(district.maxLat());
        double y1 = WebMercator.yFraction(district.minLat());
        double pad = Math.max(x1 - x0, y1 - y0) * 0.08;
        x0 -= pad;
        x1 += pad;
        y0 -= pad;
        y1 += pad;
        float width = pen.width();
        float height = (float) Math.min(MAP_MAX_HEIGHT, width * (y1 - y0) / (x1 - x0));
        // Widen the view to fill the frame, so the map keeps its proportions.
        double frameRatio = width / height;
        double viewRatio = (x1 - x0) / (y1 - y0);
        if (viewRatio < frameRatio) {
            double grow = ((y1 - y0) * frameRatio - (x1 - x0)) / 2;
            x0 -= grow;
            x1 += grow;
        } else {
            double grow = ((x1 - x0) / frameRatio - (y1 - y0)) / 2;
            y0 -= grow;
            y1 += grow;
        }
        pen.ensure(height + 40);
        float left = MARGIN;
        float bottom = pen.y - height;
        MapFrame frame = new MapFrame(x0, y0, x1, y1, left, bottom, width, height);
        BoundingBox view = new BoundingBox(WebMercator.lonOf(x0), WebMercator.latOf(y1), WebMercator.lonOf(x1), WebMercator.latOf(y0));
        Optional<BufferedImage> image = backdrop.render(view, Math.round(width * MAP_PIXELS_PER_POINT), Math.round(height * MAP_PIXELS_PER_POINT));
        PDPageContentStream cs = pen.stream();
        if (image.isPresent()) {
            PDImageXObject xobject = LosslessFactory.createFromImage(pen.doc, image.get());
            cs.drawImage(xobject, left, bottom, width, height);
        } else {
            cs.setNonStrokingColor(new Color(0xf4f4f0));
            cs.addRect(left, bottom, width, height);
            cs.fill();
        }
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.setLineWidth(0.5f);
        cs.addRect(left, bottom, width, height);
        cs.stroke();

        Geometry area = snapshot.campaign().district().area();
        cs.setStrokingColor(DISTRICT);
        cs.setLineWidth(1.8f);
        for (int i = 0; i < area.getNumGeometries(); i++) {
            Polygon p = (Polygon) area.getGeometryN(i);
            ring(cs, frame, p.getExteriorRing().getCoordinates());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                ring(cs, frame, p.getInteriorRingN(h).getCoordinates());
            }
        }
        cs.stroke();

        // Pending venues under audited ones, so progress stands out.
        List<AuditSnapshot.VenueAudit> ordered = new ArrayList<>(snapshot.venues());
        ordered.sort(Comparator.comparing(AuditSnapshot.VenueAudit::audited));
        for (AuditSnapshot.VenueAudit v : ordered) {
            CampaignVenue venue = v.venue();
            float px = frame.x(venue.location().lon());
            float py = frame.y(venue.location().lat());
            Color colour = colour(v.shownGrade());
            circle(cs, px, py, 3.6f);
            cs.setLineWidth(1.2f);
            cs.setStrokingColor(v.audited() ? Color.WHITE : colour);
            cs.setNonStrokingColor(v.audited() ? colour : Color.WHITE);
            cs.fillAndStroke();
        }
        pen.y = bottom - 4;
        legend(pen);
        String attribution = image.isPresent() ? backdrop.attribution() : "";
        pen.text(Pen.REGULAR, 7, (attribution.isEmpty() ? "" : attribution + ". ") + ReportLicence.SHORT + ".");
        return image.isPresent();
    }

    private static void legend(Pen pen) throws IOException {
        pen.ensure(14);
        PDPageContentStream cs = pen.stream();
        float x = MARGIN;
        float y = pen.y - 8;
        Object[][] items = {{YES, "yes"}, {LIMITED, "limited"}, {NO, "no"}, {UNKNOWN, "unknown"}};
        for (Object[] item : items) {
            circle(cs, x + 4, y + 3, 3.6f);
            cs.setNonStrokingColor((Color) item[0]);
            cs.setStrokingColor(Color.WHITE);
            cs.fillAndStroke();
            pen.textAt(Pen.REGULAR, 8, (String) item[1], x + 11, y);
            x += 60;
        }
        circle(cs, x + 4, y + 3, 3.6f);
        cs.setNonStrokingColor(Color.WHITE);
        cs.setStrokingColor(UNKNOWN);
        cs.setLineWidth(1.2f);
        cs.fillAndStroke();
        pen.textAt(Pen.REGULAR, 8, "hollow: not audited yet; filled: audited", x + 11, y);
        pen.y = y - 8;
    }

    private static void table(Pen pen, AuditSnapshot snapshot) throws IOException {
        pen.text(Pen.BOLD, 13, "Venues and their barriers");
        pen.gap(4);
        float[] widths = {18, 145, 50, 55, 82, 0};
        widths[5] = pen.width() - (widths[0] + widths[1] + widths[2] + widths[3] + widths[4]);
        String[] header = {"#", "Venue", "Status", "Volunteer", "Grade", "Barriers"};
        pen.row(Pen.BOLD, 8, widths, header, null);
        List<AuditSnapshot.VenueAudit> rows = new ArrayList<>(snapshot.venues());
        rows.sort(Comparator.comparing((AuditSnapshot.VenueAudit v) -> v.venue().zone() == null ? Integer.MAX_VALUE : v.venue().zone())
                .thenComparing(v -> v.venue().displayName()));
        int number = 1;
        for (AuditSnapshot.VenueAudit v : rows) {
            CampaignVenue venue = v.venue();
            String place = venue.displayName() + (venue.category() != null && venue.name() != null ? " (" + venue.category() + ")" : "");
            String grade = v.shownGrade().osm() + (v.gradeSource().equals("unknown") ? "" : " (" + v.gradeSource() + ")");
            String barriers = Barriers.text(v);
            String[] cells = {Integer.toString(number++), place, venue.status().code() + (v.audited() ? "" : venue.status().isOutcome() ? " (stale)" : ""),
                    venue.volunteer() == null ? "" : venue.volunteer(), grade, barriers.isEmpty() ? "-" : barriers};
            pen.row(Pen.REGULAR, 7.5f, widths, cells, colour(v.shownGrade()));
        }
    }

    private static void ring(PDPageContentStream cs, MapFrame frame, Coordinate[] ring) throws IOException {
        for (int i = 0; i < ring.length; i++) {
            float x = frame.x(ring[i].x);
            float y = frame.y(ring[i].y);
            if (i == 0) {
                cs.moveTo(x, y);
            } else {
                cs.lineTo(x, y);
            }
        }
        cs.closePath();
    }

    /** A circle from four Bézier arcs (PDF has no circle operator). */
    private static void circle(PDPageContentStream cs, float x, float y, float r) throws IOException {
        float k = 0.552284749831f * r;
        cs.moveTo(x + r, y);
        cs.curveTo(x + r, y + k, x + k, y + r, x, y + r);
        cs.curveTo(x - k, y + r, x - r, y + k, x - r, y);
        cs.curveTo(x - r, y - k, x - k, y - r, x, y - r);
        cs.curveTo(x + k, y - r, x + r, y - k, x + r, y);
        cs.closePath();
    }

    /** Web Mercator fractions of the view to page points. */
    private record MapFrame(double x0, double y0, double x1, double y1, float left, float bottom, float width, float height) {
        float x(double lon) {
            return (float) (left + (WebMercator.xFraction(lon) - x0) / (x1 - x0) * width);
        }

        float y(double lat) {
            return (float) (bottom + height - (WebMercator.yFraction(lat) - y0) / (y1 - y0) * height);
        }
    }

    /** Lays text out down the pages, opening a new page when the current one is full. */
    private static final class Pen {
        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        final PDDocument doc;
        private PDPageContentStream stream;
        float y;

        Pen(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        PDPageContentStream stream() {
            return stream;
        }

        void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN + 12) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void text(PDType1Font font, float size, String text) throws IOException {
            paragraph(font, size, text, 0, width());
        }

        void textAt(PDType1Font font, float size, String text, float x, float baseline) throws IOException {
            stream.beginText();
            stream.setNonStrokingColor(Color.BLACK);
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(safe(font, text));
            stream.endText();
        }

        void paragraph(PDType1Font font, float size, String text, float indent, float width) throws IOException {
            for (String line : wrap(font, size, safe(font, text), width)) {
                ensure(size * 1.3f);
                y -= size * 1.3f;
                textAt(font, size, line, MARGIN + indent, y + size * 0.25f);
            }
        }

        /** One table row; cells wrap within their column, the row is as tall as its tallest cell. */
        void row(PDType1Font font, float size, float[] widths, String[] cells, Color marker) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                float markerRoom = i == 4 && marker != null ? 9 : 0;
                List<String> cell = wrap(font, size, safe(font, cells[i]), widths[i] - 4 - markerRoom);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float lineHeight = size * 1.25f;
            float height = lines * lineHeight + 3;
            ensure(height);
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                float baseline = y - lineHeight + size * 0.2f;
                for (String line : wrapped.get(i)) {
                    textAt(font, size, line, x + (i == 4 && marker != null ? 9 : 0), baseline);
                    baseline -= lineHeight;
                }
                if (i == 4 && marker != null) {
                    circle(stream, x + 3.5f, y - lineHeight + size * 0.5f, 2.8f);
                    stream.setNonStrokingColor(marker);
                    stream.fill();
                }
                x += widths[i];
            }
            y -= height;
            stream.setStrokingColor(new Color(0xdddddd));
            stream.setLineWidth(0.4f);
            stream.moveTo(MARGIN, y + 1);
            stream.lineTo(MARGIN + width(), y + 1);
            stream.stroke();
        }

        /** Page numbers go on last, when the count is known. */
        void finish(String title) throws IOException {
            stream.close();
            int total = doc.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    footer.beginText();
                    footer.setNonStrokingColor(Color.GRAY);
                    footer.setFont(REGULAR, 7.5f);
                    footer.newLineAtOffset(MARGIN, MARGIN - 18);
                    footer.showText(safe(REGULAR, "Seuil audit report - " + title + " - page " + (i + 1) + " of " + total));
                    footer.endText();
                }
            }
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
                // A single word wider than the column (a long id) is cut.
                while (font.getStringWidth(line.toString()) / 1000 * size > width && line.length() > 1) {
                    int cut = line.length() - 1;
                    while (cut > 1 && font.getStringWidth(line.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Replaces what the standard fonts cannot encode, so a venue name in another script cannot fail the report. */
        static String safe(PDType1Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                switch (cp) {
                    case '≤' -> out.append("<=");
                    case '≥' -> out.append(">=");
                    case '\n', '\r', '\t' -> out.append(' ');
                    default -> {
                        try {
                            font.encode(ch);
                            out.append(ch);
                        } catch (IOException | IllegalArgumentException e) {
                            out.append('?');
                        }
                    }
                }
            });
            return out.toString();
        }
    }
}
