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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.karaf.BuiltArtifacts.Archive;
import org.openhab.binding.p1meter.internal.karaf.OsgiHeader.Clause;

/**
 * The add-on bundle as built: resolvable in a stock openHAB 5.x, with or without the serial transport and the
 * web socket feature, and carrying the one library openHAB does not export (Paho) inside.
 *
 * <p>
 * The optional-import checks only run once some class of the bundle uses the package (bnd imports nothing
 * that no class uses); until then they are reported as skipped with the reason.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class AddonBundleIT {

    private static final String SERIAL = "org.openhab.core.io.transport.serial";
    private static final String WEBSOCKET = "org.openhab.core.io.websocket";
    private static final String PAHO = "org.eclipse.paho.client.mqttv3";
    private static final String PAHO_SERVICES = "META-INF/services/" + PAHO + ".spi.NetworkModuleFactory";

    private static Archive bundle = new Archive(null, Map.of());
    private static List<Clause> imports = List.of();

    @BeforeAll
    static void readBundle() throws IOException {
        bundle = BuiltArtifacts.addonBundle();
        imports = OsgiHeader.parse(Objects.requireNonNullElse(header("Import-Package"), ""));
    }

    @Test
    void identifiesItselfWithTheProjectVersion() {
        assertThat(header("Bundle-SymbolicName")).isEqualTo(BuiltArtifacts.ADDON);
        assertThat(header("Bundle-ManifestVersion")).isEqualTo("2");
        String version = BuiltArtifacts.version();
        if (version.endsWith("-SNAPSHOT")) {
            // bnd turns 5.2.0-SNAPSHOT into 5.2.0.<build time>, as openHAB's own snapshot bundles have it
            assertThat(header("Bundle-Version")).matches(Pattern.quote(version.replace("-SNAPSHOT", ".")) + "\\d{12}");
        } else {
            assertThat(header("Bundle-Version")).isEqualTo(version);
        }
    }

    @Test
    void embedsNoOpenhabCoreClasses() {
        // openHAB's API is compiled against (provided) and imported, never shipped: a copy would shadow the real
        // classes
        assertThat(bundle.files().keySet()).noneMatch(name -> name.startsWith("org/openhab/core/"));
        assertThat(bundle.files().keySet()).anyMatch(name -> name.startsWith("org/openhab/binding/p1meter/"));
    }

    @Test
    void importsOpenhabCoreForEveryFiveDotRelease() {
        List<Clause> core = imports.stream()
                .filter(c -> c.names().stream().anyMatch(n -> n.startsWith("org.openhab.core"))).toList();
        assumeTrue(!core.isEmpty(), "no class of the bundle uses openHAB core yet");
        // openHAB 5.1.4 exports its packages as 5.1.4, 5.2.1 as 5.2.1: the range takes the releases the real-openHAB
        // suite proves (5.1, 5.2) and later 5.x, and no 6
        assertThat(core).allSatisfy(
                clause -> assertThat(clause.attribute("version")).as("%s", clause.names()).isEqualTo("[5.1,6)"));
    }

    @Test
    void importsTheSerialTransportOptionally() throws IOException {
        assertOptionalImportWhenUsed(SERIAL);
    }

    @Test
    void importsTheWebSocketOptionally() throws IOException {
        assertOptionalImportWhenUsed(WEBSOCKET);
    }

    @Test
    void makesNoOtherOpenhabImportOptional() {
        // a mandatory feature imported optionally would fail at run time instead of at install time
        assertThat(imports).filteredOn(c -> "optional".equals(c.directive("resolution"))).flatMap(Clause::names)
                .allMatch(name -> name.startsWith(SERIAL) || name.startsWith(WEBSOCKET)
                        || name.startsWith("org.eclipse.jdt.annotation") || !name.startsWith("org.openhab"));
    }

    @Test
    void importsTheDaemonsLibrariesOptionallyAndUsesThemOnlyInTheCommandLineClasses() throws IOException {
        // one jar is the add-on and the daemon: what only the daemon needs must never stop the bundle resolving,
        // and no class openHAB loads may touch it
        List<String> daemonOnly = List.of("picocli", "com.fazecast.jSerialComm", "org.eclipse.jetty.server",
                "org.eclipse.jetty.servlet", "sun.misc");
        assertThat(imports)
                .filteredOn(c -> c.names().stream().anyMatch(n -> daemonOnly.stream().anyMatch(n::startsWith)))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.directive("resolution")).as("%s", c.names()).isEqualTo("optional"));
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            String name = file.getKey();
            if (name.endsWith(".class") && !name.startsWith("org/openhab/binding/p1meter/cli/")) {
                assertThat(ClassFileStrings.of(file.getValue())).as(name)
                        .noneMatch(str -> daemonOnly.stream().anyMatch(p -> str.contains(p.replace('.', '/') + "/")));
            }
        }
    }

    @Test
    void neverImportsPaho() {
        // openHAB exports no Paho: an import of it would leave the bundle unresolved
        assertThat(imports).flatMap(Clause::names).noneMatch(name -> name.startsWith("org.eclipse.paho"));
    }

    @Test
    void embedsEveryPahoClassAndResourceItUses() throws IOException {
        // Paho is on this test's class path (see the pom) to tell which names it really has
        Set<String> used = new TreeSet<>();
        Pattern pahoName = Pattern.compile("org[./]eclipse[./]paho[./][\\w./$]+");
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            if (file.getKey().endsWith(".class")) {
                for (String constant : ClassFileStrings.of(file.getValue())) {
                    Matcher m = pahoName.matcher(constant);
                    while (m.find()) {
                        used.add(m.group().replaceAll("[./]+$", "").replace('.', '/'));
                    }
                }
            }
        }
        assumeTrue(!used.isEmpty(), "no class of the bundle uses Paho yet");
        // a name is a class (static use or Class.forName) or a resource bundle (messages, log catalogue); names
        // that Paho itself lacks (it probes for a J2ME catalogue first) cannot be embedded and need not be
        Set<String> inPaho = new TreeSet<>();
        for (String name : used) {
            for (String file : List.of(name + ".class", name + ".properties")) {
                if (getClass().getClassLoader().getResource(file) != null) {
                    inPaho.add(file);
                }
            }
        }
        assertThat(bundle.files().keySet()).as("Paho classes and resources the bundle uses").containsAll(inPaho);
    }

    @Test
    void embedsPahosNetworkModulesWithTheirServiceFile() throws IOException {
        String loader = PAHO.replace('.', '/') + "/internal/NetworkModuleService.class";
        assumeTrue(bundle.files().containsKey(loader), "Paho's NetworkModuleService is not embedded yet");
        // Paho finds its tcp:// and ssl:// transports with a ServiceLoader: without this file in the bundle
        // every connection fails with "no NetworkModule installed for scheme tcp"
        String services = new String(bundle.file(PAHO_SERVICES), StandardCharsets.UTF_8);
        List<String> factories = services.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(factories).contains(PAHO + ".internal.TCPNetworkModuleFactory");
        assertThat(factories)
                .allSatisfy(factory -> assertThat(bundle.files()).containsKey(factory.replace('.', '/') + ".class"));
    }

    private static void assertOptionalImportWhenUsed(String packageName) throws IOException {
        String slashed = packageName.replace('.', '/') + "/";
        boolean used = false;
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            if (file.getKey().endsWith(".class")
                    && ClassFileStrings.of(file.getValue()).stream().anyMatch(s -> s.contains(slashed))) {
                used = true;
                break;
            }
        }
        assumeTrue(used, "no class of the bundle uses " + packageName + " yet");
        List<Clause> clauses = imports.stream()
                .filter(c -> c.names().stream().anyMatch(n -> n.equals(packageName) || n.startsWith(packageName + ".")))
                .toList();
        assertThat(clauses).as("Import-Package clauses for %s", packageName).isNotEmpty();
        assertThat(clauses).allSatisfy(clause -> {
            assertThat(clause.directive("resolution")).as("resolution of %s", clause.names()).isEqualTo("optional");
            assertThat(clause.attribute("version")).as("version of %s", clause.names()).isEqualTo("[5.1,6)");
        });
    }

    private static @Nullable String header(String name) {
        Manifest manifest = bundle.manifest();
        return manifest == null ? null : manifest.getMainAttributes().getValue(new Attributes.Name(name));
    }
}
