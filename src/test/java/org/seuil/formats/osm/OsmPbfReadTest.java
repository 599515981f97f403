package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crosby.binary.Osmformat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;

/** OSM PBF: small files written with osmpbf, and the real Monaco extract cut and damaged in @TempDir. */
class OsmPbfReadTest {
    // string table: 1 amenity, 2 cafe, 3 wheelchair, 4 yes, 5 name, 6 Bar, 7 shop, 8 bakery, 9 outer, 10 type, 11 multipolygon, 12 no
    private static final List<String> STRINGS = List.of("amenity", "cafe", "wheelchair", "yes", "name", "Bar", "shop", "bakery",
            "outer", "type", "multipolygon", "no");

    @TempDir
    Path temp;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static Osmformat.PrimitiveGroup denseSquare() {
        // nodes 10..13, a square 0..2 x 0..2 in delta coding; node 11 is a cafe
        return Osmformat.PrimitiveGroup.newBuilder().setDense(Osmformat.DenseNodes.newBuilder()
                .addId(10).addId(1).addId(1).addId(1)
                .addLat(0).addLat(0).addLat(PbfFiles.units(2)).addLat(0)
                .addLon(0).addLon(PbfFiles.units(2)).addLon(0).addLon(-PbfFiles.units(2))
                .addKeysVals(0).addKeysVals(1).addKeysVals(2).addKeysVals(3).addKeysVals(4).addKeysVals(0).addKeysVals(0).addKeysVals(0)
                .setDenseinfo(Osmformat.DenseInfo.newBuilder()
                        .addVersion(1).addVersion(1).addVersion(1).addVersion(1)
                        .addTimestamp(1_600_000_000L).addTimestamp(1000).addTimestamp(0).addTimestamp(0)
                        .addChangeset(1).addChangeset(0).addChangeset(0).addChangeset(0)
                        .addUid(0).addUid(0).addUid(0).addUid(0)
                        .addUserSid(0).addUserSid(0).addUserSid(0).addUserSid(0)))
                .build();
    }

    @Test
    void denseNodesWaysAndRelationsOfAPbfBecomePlaces() throws IOException {
        Osmformat.PrimitiveGroup ways = Osmformat.PrimitiveGroup.newBuilder()
                .addWays(Osmformat.Way.newBuilder().setId(100).addRefs(10).addRefs(1).addRefs(1).addRefs(1).addRefs(-3)
                        .addKeys(7).addVals(8).addKeys(3).addVals(12))
                .addWays(Osmformat.Way.newBuilder().setId(101).addRefs(10).addRefs(1).addRefs(1).addRefs(1).addRefs(-3))
                .build();
        Osmformat.PrimitiveGroup relations = Osmformat.PrimitiveGroup.newBuilder()
                .addRelations(Osmformat.Relation.newBuilder().setId(200).addMemids(101).addRolesSid(9)
                        .addTypes(Osmformat.Relation.MemberType.WAY).addKeys(10).addVals(11).addKeys(1).addVals(2))
                .build();
        Path pbf = file("small.osm.pbf", PbfFiles.write(STRINGS, denseSquare(), ways, relations));

        OsmExtract extract = OsmReader.read(pbf);
        Map<String, PlaceRecord> places = Fixtures.byId(extract.places());
        assertEquals(List.of("osm:node/11", "osm:way/100", "osm:relation/200"), List.copyOf(places.keySet()));

        PlaceRecord cafe = places.get("osm:node/11");
        assertEquals("amenity=cafe", cafe.place().category());
        assertEquals(0.0, cafe.place().location().lat(), 1e-9);
        assertEquals(2.0, cafe.place().location().lon(), 1e-9);
        assertEquals(Accessibility.YES, cafe.reports().get(0).wheelchair());
        assertEquals(Instant.ofEpochSecond(1_600_001_000L), cafe.reports().get(0).surveyedAt(), "dense timestamps are delta coded");

        PlaceRecord bakery = places.get("osm:way/100");
        assertEquals(1.0, bakery.place().location().lat(), 1e-9);
        assertEquals(1.0, bakery.place().location().lon(), 1e-9);
        assertEquals(Accessibility.NO, bakery.reports().get(0).wheelchair());
        assertEquals(Instant.ofEpochSecond(1_618_963_200L), bakery.reports().get(0).surveyedAt(),
                "a way without metadata takes the replication time of the header");

        PlaceRecord multipolygon = places.get("osm:relation/200");
        assertEquals(1.0, multipolygon.place().location().lat(), 1e-9);
        assertEquals(4, extract.summary().nodesRead());
    }

    @Test
    void aNodeOutOfRangeNamesTheBlobTheNodeAndTheField() throws IOException {
        Osmformat.PrimitiveGroup nodes = Osmformat.PrimitiveGroup.newBuilder()
                .addNodes(Osmformat.Node.newBuilder().setId(123).setLat(PbfFiles.units(95)).setLon(PbfFiles.units(7)))
                .build();
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("lat.osm.pbf", PbfFiles.write(STRINGS, nodes))));
        assertEquals("lat.osm.pbf: blob 2, node/123: lat: 95.0 is outside [-90, 90]", e.getMessage());
        assertEquals("lat", e.field());
    }

    @Test
    void aDenseNodeOutOfRangeNamesItsId() throws IOException {
        Osmformat.PrimitiveGroup nodes = Osmformat.PrimitiveGroup.newBuilder().setDense(Osmformat.DenseNodes.newBuilder()
                .addId(5).addId(2).addLat(0).addLat(0).addLon(PbfFiles.units(179)).addLon(PbfFiles.units(2))).build();
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("lon.osm.pbf", PbfFiles.write(STRINGS, nodes))));
        assertEquals("blob 2, node/7", e.location());
        assertEquals("lon", e.field());
    }

    @Test
    void aTagPastTheStringTableIsCorruptInput() throws IOException {
        Osmformat.PrimitiveGroup nodes = Osmformat.PrimitiveGroup.newBuilder()
                .addNodes(Osmformat.Node.newBuilder().setId(1).setLat(0).setLon(0).addKeys(1).addVals(99)).build();
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("strings.osm.pbf", PbfFiles.write(STRINGS, nodes))));
        assertEquals("blob 2, node/1", e.location());
    }

    @Test
    void theRealExtractCutAfterItsFirst100KbIsTruncated() throws IOException {
        Path real = SharedData.require(SharedData.PBF_2021);
        Path cut = file("cut.osm.pbf", PbfFiles.readPrefix(real, 100_000));
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(cut));
        assertEquals("cut.osm.pbf", e.file());
        assertTrue(e.location().startsWith("blob "), e.getMessage());
        assertTrue(e.reason().startsWith("truncated"), e.getMessage());
    }

    @Test
    void aCutInsideTheDataOfABlobNamesThatBlob() throws IOException {
        Path real = SharedData.require(SharedData.PBF_2021);
        PbfFiles.Blob third = PbfFiles.blobs(real).get(2);
        long cutAt = (third.dataStart() + third.end()) / 2;
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("cut.osm.pbf", PbfFiles.readPrefix(real, cutAt))));
        assertEquals("cut.osm.pbf: blob 3: truncated: the file ends " + (third.end() - cutAt) + " bytes before the end of this blob",
                e.getMessage());
    }

    @Test
    void aCutInsideTheHeaderOfABlobNamesThatBlob() throws IOException {
        Path real = SharedData.require(SharedData.PBF_2021);
        PbfFiles.Blob third = PbfFiles.blobs(real).get(2);
        for (long cutAt : new long[] {third.start() + 2, third.start() + 6}) {
            InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("cut.osm.pbf", PbfFiles.readPrefix(real, cutAt))));
            assertEquals("blob 3", e.location());
            assertTrue(e.reason().contains("inside the header"), e.getMessage());
        }
    }

    @Test
    void damagedCompressedDataNamesTheBlob() throws IOException {
        Path real = SharedData.require(SharedData.PBF_2021);
        PbfFiles.Blob second = PbfFiles.blobs(real).get(1);
        byte[] bytes = Files.readAllBytes(real);
        int middle = (int) ((second.dataStart() + second.end()) / 2);
        for (int i = middle; i < middle + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file("damaged.osm.pbf", bytes)));
        assertEquals("blob 2", e.location());
        assertTrue(e.reason().startsWith("corrupt"), e.getMessage());
    }

    @Test
    void anEmptyFileOrXmlNamedPbfIsNotPbf() throws IOException {
        InputException empty = assertThrows(InputException.class, () -> OsmReader.read(file("empty.osm.pbf", new byte[0])));
        assertNull(empty.location());
        assertTrue(empty.reason().contains("no OSMHeader"), empty.getMessage());

        InputException xml = assertThrows(InputException.class,
                () -> OsmReader.read(file("xml.osm.pbf", Files.readAllBytes(Fixtures.path("places.osm")))));
        assertEquals("blob 1", xml.location());
    }
}
