/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.internal.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.jar.Manifest;

import org.apache.karaf.kar.internal.Kar;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.karaf.BuiltArtifacts.Archive;
import org.w3c.dom.Element;

/**
 * The {@code .kar}: what Karaf's KAR deployer does with it is copy {@code repository/} into a Maven repository,
 * register every features file found there and install its features. These tests read the archive the same
 * way (a {@link java.util.jar.JarInputStream}) and check that this leads to the add-on bundle.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class KarIT {

    @Test
    void isNamedAndVersionedLikeTheAddon() {
        assertThat(BuiltArtifacts.kar()).isRegularFile()
                .hasFileName(BuiltArtifacts.ADDON + "-" + BuiltArtifacts.version() + ".kar");
    }

    @Test
    void asksKarafToInstallItsFeatures() throws Exception {
        Manifest manifest = Objects.requireNonNull(BuiltArtifacts.read(BuiltArtifacts.kar()).manifest(),
                "a JarInputStream finds no manifest: it must be the first entries of the archive");
        assertThat(manifest.getMainAttributes().getValue("Karaf-Feature-Start")).isEqualTo("true");
        // with Karaf-Feature-Repos set Karaf would not scan repository/ for the features file
        assertThat(manifest.getMainAttributes().getValue("Karaf-Feature-Repos")).isNull();
    }

    @Test
    void holdsTheFeatureFileAtTheAddonsMavenPath() throws Exception {
        Archive kar = BuiltArtifacts.read(BuiltArtifacts.kar());
        byte[] feature = kar.file("repository/" + BuiltArtifacts.addonPath("features", "xml"));
        assertThat(feature).isEqualTo(Files.readAllBytes(BuiltArtifacts.feature()));
    }

    @Test
    void holdsEveryBundleItsFeatureNamesAtThatBundlesMavenPath() throws Exception {
        Archive kar = BuiltArtifacts.read(BuiltArtifacts.kar());
        Element feature = FeatureXmlIT
                .children(FeatureXmlIT.parse(Files.readAllBytes(BuiltArtifacts.feature())).getDocumentElement(),
                        "feature")
                .get(0);
        List<String> locations = FeatureXmlIT.children(feature, "bundle").stream().map(b -> b.getTextContent().trim())
                .toList();
        assertThat(locations).isNotEmpty().allSatisfy(location -> {
            // mvn:group/artifact/version resolves to group/as/path/artifact/version/artifact-version.jar
            String[] gav = location.substring("mvn:".length()).split("/");
            assertThat(gav).hasSize(3);
            String path = "repository/" + gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/" + gav[1] + "-"
                    + gav[2] + ".jar";
            assertThat(kar.files().keySet()).contains(path);
        });
    }

    @Test
    void carriesOnlyTheRepositoryAndItsManifest() throws Exception {
        Archive kar = BuiltArtifacts.read(BuiltArtifacts.kar());
        // anything under resource/ would be copied into openHAB's own folders; resolver bookkeeping is noise
        assertThat(kar.files().keySet()).allMatch(name -> name.startsWith("repository/"))
                .noneMatch(name -> name.endsWith("_remote.repositories"));
        // exactly one features file, so Karaf registers exactly one repository
        assertThat(kar.files().keySet()).filteredOn(name -> name.endsWith(".xml") && !name.contains("maven-metadata"))
                .containsExactly("repository/" + BuiltArtifacts.addonPath("features", "xml"));
    }

    @Test
    void karafsOwnKarDeployerRegistersTheFeatureAndFindsTheBundle(@TempDir Path karaf) throws Exception {
        // Karaf's own code for deploying a KAR: extract repository/ and pick out the feature repositories in it
        Path repository = karaf.resolve("data/kar/repository");
        Kar kar = new Kar(BuiltArtifacts.kar().toUri());
        kar.extract(repository.toFile(), karaf.toFile());

        assertThat(kar.isShouldInstallFeatures()).isTrue();
        Path features = repository.resolve(BuiltArtifacts.addonPath("features", "xml"));
        // Karaf registers it by its Maven coordinates, the same URL openHAB's own add-on features have
        assertThat(kar.getFeatureRepos())
                .containsExactly(URI.create("mvn:org.openhab.addons.bundles/org.openhab.binding.p1meter/"
                        + BuiltArtifacts.version() + "/xml/features"));
        // what pax-url-mvn finds for the feature's mvn:org.openhab.addons.bundles/org.openhab.binding.p1meter/V
        assertThat(repository.resolve(BuiltArtifacts.addonPath(null, "jar"))).isRegularFile();
        assertThat(Files.readAllBytes(features)).isEqualTo(Files.readAllBytes(BuiltArtifacts.feature()));
    }

    @Test
    void shipsABundleWhoseManifestMatchesTheFeature() throws Exception {
        Manifest manifest = Objects.requireNonNull(BuiltArtifacts.addonBundle().manifest());
        assertThat(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo(BuiltArtifacts.ADDON);
    }
}
