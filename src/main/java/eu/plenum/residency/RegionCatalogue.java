package eu.plenum.residency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The regions Plenum knows (deploy/eu-regions/regions.yaml); every region code is checked here. */
public final class RegionCatalogue {

    /** Classpath location of the catalogue packaged from deploy/eu-regions/regions.yaml. */
    public static final String PACKAGED = "residency/regions.yaml";

    private final Map<String, Region> regions;

    private RegionCatalogue(List<Region> regions) {
        Map<String, Region> byCode = new LinkedHashMap<>();
        for (Region region : regions) {
            if (region.jurisdiction() == Jurisdiction.ADEQUATE && blank(region.adequacyDecision())) {
                throw new IllegalStateException("Region " + region.code() + " is ADEQUATE but names no adequacy decision");
            }
            if (byCode.put(region.code(), region) != null) {
                throw new IllegalStateException("Region " + region.code() + " appears twice in the catalogue");
            }
        }
        this.regions = Map.copyOf(byCode);
    }

    /** The packaged catalogue, or the file an operator configured instead. */
    public static RegionCatalogue load(Optional<String> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(Path.of(file.get()))
                : RegionCatalogue.class.getClassLoader().getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new IllegalStateException("The region catalogue " + PACKAGED + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the region catalogue " + file.orElse(PACKAGED), e);
        }
    }

    public static RegionCatalogue parse(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new RegionCatalogue(mapper.readValue(yaml, File.class).regions());
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code).map(regions::get);
    }

    /** The region, or an {@link UnknownRegionException} naming the field the code came from. */
    public Region require(String field, String code) {
        return find(code).orElseThrow(() -> new UnknownRegionException(field, code));
    }

    public Collection<Region> all() {
        return regions.values().stream().sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** Shape of the YAML file. */
    private record File(List<Region> regions) {
    }
}
