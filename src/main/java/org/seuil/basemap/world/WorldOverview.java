package org.seuil.basemap.world;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/**
 * The world drawn from Natural Earth outlines: sea, land, coasts and country borders, at any
 * zoom (coarse beyond about zoom 8). Coordinates are kept as Web Mercator fractions of the world
 * (0..1 both ways), so drawing a tile is a scale and a translation. Immutable and thread-safe.
 */
public final class WorldOverview {
    /** Where the build puts {@code maps/world.bin} on the class path. */
    public static final String RESOURCE = "/maps/world.bin";

    static final Color SEA = new Color(0xAA, 0xD3, 0xDF);
    static final Color LAND = new Color(0xF2, 0xEF, 0xE9);
    static final Color COAST = new Color(0x7F, 0xA8, 0xBC);
    static final Color BORDER = new Color(0x9E, 0x8F, 0xA8);

    /** Natural Earth cuts rings at the antimeridian and the south pole; those cuts are not coasts. */
    private static final double CUT_LON = 179.9999;
    /** Outline points closer than this (in pixels, Manhattan distance) to the previous one are not drawn. */
    private static final double MIN_STEP_PX = 0.75;

    private final List<Ring> landRings;
    private final List<CountryShape> countries;
    private final List<Line> borders;
    private final List<Line> coasts;

    private WorldOverview(List<Ring> landRings, List<CountryShape> countries, List<Line> borders, List<Line> coasts) {
        this.landRings = landRings;
        this.countries = countries;
        this.borders = borders;
        this.coasts = coasts;
    }

    public static WorldOverview of(WorldData data) {
        List<Ring> land = new ArrayList<>();
        List<Line> coasts = new ArrayList<>();
        for (WorldData.Polygon polygon : data.land()) {
            for (int[] ring : polygon.rings()) {
                Ring r = Ring.of(data, data.ringCoordinates(ring));
                land.add(r);
                coasts.addAll(r.linesWithoutCuts());
            }
        }
        int[] uses = new int[data.arcs().size()];
        List<CountryShape> countries = new ArrayList<>();
        for (WorldData.Country country : data.countries()) {
            List<Ring> rings = new ArrayList<>();
            for (WorldData.Polygon polygon : country.polygons()) {
                for (int[] ring : polygon.rings()) {
                    rings.add(Ring.of(data, data.ringCoordinates(ring)));
                    for (int ref : ring) {
                        uses[ref < 0 ? ~ref : ref]++;
                    }
                }
            }
            countries.add(new CountryShape(country.id(), country.name(), rings));
        }
        // An arc shared by two countries is a land border; one used once is a coast.
        List<Line> borders = new ArrayList<>();
        for (int a = 0; a < uses.length; a++) {
            if (uses[a] >= 2) {
                borders.add(Line.of(Ring.of(data, data.arcs().get(a))));
            }
        }
        return new WorldOverview(List.copyOf(land), List.copyOf(countries), List.copyOf(borders), List.copyOf(coasts));
    }

    public static WorldOverview load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(WorldFile.read(in));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The world file shipped inside the application. */
    public static WorldOverview loadBundled() throws IOException {
        try (InputStream in = WorldOverview.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FileNotFoundException(RESOURCE + " is missing from the class path (is maps/ copied by the build?)");
            }
            return of(WorldFile.read(in));
        }
    }

    public int countryCount() {
        return countries.size();
    }

    public int borderCount() {
        return borders.size();
    }

    public List<String> countryNames() {
        return countries.stream().map(CountryShape::name).toList();
    }

    /** Whether a point lies on land (even-odd over all land rings, so lakes are holes). */
    public boolean isLand(double lon, double lat) {
        double x = WebMercator.xFraction(lon);
        double y = WebMercator.yFraction(lat);
        boolean inside = false;
        for (Ring ring : landRings) {
            if (ring.contains(x, y)) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The name of the country containing a point, if any. */
    public Optional<String> countryAt(double lon, double lat) {
        double x = WebMercator.xFraction(lon);
        double y = WebMercator.yFraction(lat);
        for (CountryShape country : countries) {
            boolean inside = false;
            for (Ring ring : country.rings()) {
                if (ring.contains(x, y)) {
                    inside = !inside;
                }
            }
            if (inside) {
                return Optional.of(country.name());
            }
        }
        return Optional.empty();
    }

    /** Draws one tile. */
    public BufferedImage render(TileId tile, int tileSize) {
        BufferedImage image = new BufferedImage(tileSize, tileSize, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, tileSize, tileSize);
            double n = TileId.tilesPerSide(tile.zoom());
            double scale = n * tileSize;
            // The tile in world fractions, with a margin so strokes at the edge are not cut.
            double margin = 2.0 / scale;
            double minX = tile.x() / n - margin;
            double maxX = (tile.x() + 1) / n + margin;
            double minY = tile.y() / n - margin;
            double maxY = (tile.y() + 1) / n + margin;
            double offsetX = tile.x() * (double) tileSize;
            double offsetY = tile.y() * (double) tileSize;

            Path2D.Double land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Ring ring : landRings) {
                ring.appendShifted(land, scale, offsetX, offsetY, true, minX, minY, maxX, maxY);
            }
            g.setColor(LAND);
            g.fill(land);

            float strokeScale = tileSize / 256f;
            g.setColor(COAST);
            g.setStroke(new BasicStroke(0.8f * strokeScale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(lines(coasts, scale, offsetX, offsetY, minX, minY, maxX, maxY));
            g.setColor(BORDER);
            float width = (tile.zoom() < 3 ? 0.6f : 1.0f) * strokeScale;
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {3 * strokeScale, 2 * strokeScale}, 0f));
            g.draw(lines(borders, scale, offsetX, offsetY, minX, minY, maxX, maxY));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Path2D lines(List<Line> lines, double scale, double ox, double oy,
                                double minX, double minY, double maxX, double maxY) {
        Path2D.Double path = new Path2D.Double();
        for (Line line : lines) {
            line.ring().appendShifted(path, scale, ox, oy, false, minX, minY, maxX, maxY);
        }
        return path;
    }

    private record CountryShape(String id, String name, List<Ring> rings) {
    }

    private record Line(Ring ring) {
        static Line of(Ring ring) {
            return new Line(ring);
        }
    }

    /** A ring or line in world fractions, with its bounding box for quick culling. */
    private record Ring(double[] xs, double[] ys, double minX, double minY, double maxX, double maxY, double[] lons) {
        static Ring of(WorldData data, int[] grid) {
            int n = grid.length / 2;
            double[] lons = new double[n];
            double[] unwrapped = new double[n];
            for (int i = 0; i < n; i++) {
                lons[i] = data.grid().lon(grid[2 * i]);
                unwrapped[i] = lons[i];
                if (i > 0) {
                    // Natural Earth rings cross the antimeridian (Russia, Fiji): keep them continuous.
                    while (unwrapped[i] - unwrapped[i - 1] > 180) {
                        unwrapped[i] -= 360;
                    }
                    while (unwrapped[i] - unwrapped[i - 1] < -180) {
                        unwrapped[i] += 360;
                    }
                }
            }
            boolean closed = n > 2 && grid[0] == grid[2 * n - 2] && grid[1] == grid[2 * n - 1];
            // A closed ring that winds once around the pole (Antarctica) cannot be unwrapped.
            boolean aroundThePole = closed && Math.abs(unwrapped[n - 1] - unwrapped[0]) > 180;
            double[] useLons = aroundThePole ? lons : unwrapped;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = WebMercator.xFraction(useLons[i]);
                ys[i] = WebMercator.yFraction(data.grid().lat(grid[2 * i + 1]));
            }
            return bounded(xs, ys, lons);
        }

        static Ring bounded(double[] xs, double[] ys, double[] lons) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < xs.length; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            return new Ring(xs, ys, minX, minY, maxX, maxY, lons);
        }

        /** The world copies (-1, 0, +1 world widths) of this ring that fall in a window. */
        int[] shiftsInto(double x0, double y0, double x1, double y1) {
            int[] out = new int[3];
            int n = 0;
            for (int shift = -1; shift <= 1; shift++) {
                if (minX + shift <= x1 && maxX + shift >= x0 && minY <= y1 && maxY >= y0) {
                    out[n++] = shift;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        boolean contains(double px, double y) {
            // A ring unwrapped past the antimeridian may hold the point one world width away.
            double x = px < minX ? px + 1 : px > maxX ? px - 1 : px;
            if (x < minX || x > maxX || y < minY || y > maxY) {
                return false;
            }
            boolean inside = false;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                    inside = !inside;
                }
            }
            return inside;
        }

        /**
         * Appends the ring in tile pixels, dropping points closer than {@link #MIN_STEP_PX} to the
         * last one kept: at low zooms most of the 80,000 points fall on the same pixels, and Java2D
         * pays for every segment. A ring smaller than a pixel is left out.
         */
        void appendTo(Path2D path, double scale, double ox, double oy, boolean close) {
            if ((maxX - minX) * scale < MIN_STEP_PX && (maxY - minY) * scale < MIN_STEP_PX) {
                return;
            }
            double lastX = xs[0] * scale - ox;
            double lastY = ys[0] * scale - oy;
            path.moveTo(lastX, lastY);
            int last = xs.length - 1;
            for (int i = 1; i <= last; i++) {
                double x = xs[i] * scale - ox;
                double y = ys[i] * scale - oy;
                if (i == last || Math.abs(x - lastX) + Math.abs(y - lastY) >= MIN_STEP_PX) {
                    path.lineTo(x, y);
                    lastX = x;
                    lastY = y;
                }
            }
            if (close) {
                path.closePath();
            }
        }

        void appendShifted(Path2D path, double scale, double ox, double oy, boolean close,
                           double x0, double y0, double x1, double y1) {
            for (int shift : shiftsInto(x0, y0, x1, y1)) {
                appendTo(path, scale, ox - shift * scale, oy, close);
            }
        }

        /** The ring's outline split where it runs along the antimeridian or the bottom of the map. */
        List<Line> linesWithoutCuts() {
            List<Line> out = new ArrayList<>();
            int start = 0;
            for (int i = 1; i <= xs.length; i++) {
                boolean end = i == xs.length;
                boolean cut = !end && isCut(i - 1, i);
                if (end || cut) {
                    if (i - start >= 2) {
                        out.add(new Line(slice(start, i)));
                    }
                    start = i;
                }
            }
            return out;
        }

        private boolean isCut(int a, int b) {
            boolean meridian = Math.abs(lons[a]) >= CUT_LON && Math.abs(lons[b]) >= CUT_LON && Math.signum(lons[a]) == Math.signum(lons[b]);
            boolean pole = ys[a] >= 0.9999 && ys[b] >= 0.9999;
            return meridian || pole;
        }

        private Ring slice(int from, int to) {
            return bounded(java.util.Arrays.copyOfRange(xs, from, to), java.util.Arrays.copyOfRange(ys, from, to),
                    java.util.Arrays.copyOfRange(lons, from, to));
        }
    }
}
