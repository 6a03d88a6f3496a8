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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.apache.felix.framework.FrameworkFactory;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.karaf.OsgiHeader.Clause;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The add-on bundle in a real OSGi framework (Apache Felix) whose "openHAB" is a set of bundles that export
 * exactly the packages a stock openHAB of a given version exports: the bundle must resolve and start in
 * openHAB 5.0 and 5.2 with the serial transport and the web socket support missing, and use them when they
 * are there.
 *
 * <p>
 * The stand-in bundles export packages only (resolution needs no classes); packages outside openHAB core
 * (Gson, slf4j, ...) are exported at the lowest version the bundle accepts, since their versions are not what
 * this test is about.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class OsgiResolutionIT {

    private static final String SERIAL = "org.openhab.core.io.transport.serial";
    private static final String WEBSOCKET = "org.openhab.core.io.websocket";

    private @TempDir @Nullable Path storage;
    private @Nullable Framework framework;

    @AfterEach
    void stopFramework() throws Exception {
        Framework f = framework;
        if (f != null) {
            f.stop();
            f.waitForStop(10_000);
        }
    }

    @Test
    void startsInOpenhab50WithoutSerialTransportOrWebSocket() throws Exception {
        Bundle addon = install("5.0.0", false);
        assertThat(resolve(addon)).as("resolved without the serial transport").isTrue();
        addon.start();
        assertThat(addon.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(wiredPackages(addon)).doesNotContain(SERIAL, WEBSOCKET);
    }

    @Test
    void startsInOpenhab52WithoutSerialTransportOrWebSocket() throws Exception {
        Bundle addon = install("5.2.1", false);
        assertThat(resolve(addon)).isTrue();
        addon.start();
        assertThat(addon.getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void usesTheSerialTransportAndWebSocketWhenInstalled() throws Exception {
        Bundle addon = install("5.2.1", true);
        assertThat(resolve(addon)).isTrue();
        Set<String> imported = importedPackages(addon);
        Set<String> wired = wiredPackages(addon);
        // every optional package the bundle imports gets wired when an exporter is there
        for (String optional : List.of(SERIAL, WEBSOCKET)) {
            if (imported.contains(optional)) {
                assertThat(wired).contains(optional);
            }
        }
    }

    @Test
    void refusesOpenhab6() throws Exception {
        Bundle addon = install("6.0.0", true);
        boolean importsCore = importedPackages(addon).stream().anyMatch(p -> p.startsWith("org.openhab.core"));
        // an add-on built against 5.x must not silently load into a 6.x whose API may have changed
        assertThat(resolve(addon)).isEqualTo(!importsCore);
    }

    /**
     * Starts a framework holding stand-ins for openHAB (version {@code openhab}, with or without the serial
     * transport and web socket packages) and installs the add-on bundle as shipped in the KAR.
     */
    private Bundle install(String openhab, boolean withOptionalFeatures) throws Exception {
        byte[] addonJar = BuiltArtifacts.read(BuiltArtifacts.kar()).file("repository/" + BuiltArtifacts.addonPath(null, "jar"));
        List<Clause> imports = OsgiHeader.parse(Objects.requireNonNullElse(
                BuiltArtifacts.read(addonJar).manifest().getMainAttributes().getValue("Import-Package"), ""));

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, Objects.requireNonNull(storage).toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the JDK's own packages (java.*, javax.net.ssl, ...) come from the system bundle, as in openHAB
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, imports.stream().flatMap(c -> c.names().stream())
                .filter(OsgiResolutionIT::isJdkPackage).collect(Collectors.joining(",")));
        Framework f = new FrameworkFactory().newFramework(config);
        framework = f;
        f.start();
        BundleContext context = f.getBundleContext();

        List<String> openhabExports = new ArrayList<>();
        List<String> otherExports = new ArrayList<>();
        for (Clause clause : imports) {
            for (String name : clause.names()) {
                if (isJdkPackage(name)) {
                    continue;
                }
                boolean optionalFeature = name.startsWith(SERIAL) || name.startsWith(WEBSOCKET);
                if (optionalFeature && !withOptionalFeatures) {
                    continue;
                }
                if (name.startsWith("org.openhab.core")) {
                    openhabExports.add(name + ";version=" + openhab);
                } else {
                    otherExports.add(name + ";version=" + floor(clause.attribute("version")));
                }
            }
        }
        // openHAB runs Felix SCR (Declarative Services 1.5) and pax-web (HTTP Whiteboard 1.1): bnd makes a bundle
        // with components and whiteboard servlets require them
        context.installBundle("stub:openhab-core", stubBundle("org.openhab.core.stub", openhab, openhabExports,
                "osgi.extender;osgi.extender=osgi.component;version:Version=\"1.5.0\","
                        + "osgi.implementation;osgi.implementation=osgi.http;version:Version=\"1.1.0\""));
        if (!otherExports.isEmpty()) {
            context.installBundle("stub:libraries", stubBundle("openhab.libraries.stub", "1.0.0", otherExports, ""));
        }
        return context.installBundle("p1meter", new ByteArrayInputStream(addonJar));
    }

    /** Resolves the bundle; when it cannot be, the reason (the unresolved requirement) is printed. */
    private boolean resolve(Bundle addon) {
        FrameworkWiring wiring = Objects.requireNonNull(framework).adapt(FrameworkWiring.class);
        boolean resolved = wiring.resolveBundles(List.of(addon)) && addon.getState() == Bundle.RESOLVED;
        if (!resolved) {
            try {
                addon.start(); // throws with the resolver's explanation
            } catch (BundleException e) {
                System.out.println("not resolved: " + e.getMessage());
            }
        }
        return resolved;
    }

    private static Set<String> wiredPackages(Bundle bundle) {
        BundleWiring wiring = Objects.requireNonNull(bundle.adapt(BundleWiring.class), "bundle not resolved");
        Set<String> packages = new TreeSet<>();
        for (BundleWire wire : wiring.getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            packages.add(String.valueOf(wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE)));
        }
        return packages;
    }

    private static Set<String> importedPackages(Bundle bundle) {
        String header = Objects.requireNonNullElse(bundle.getHeaders().get(Constants.IMPORT_PACKAGE), "");
        return OsgiHeader.parse(header).stream().flatMap(c -> c.names().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A bundle that only exports packages: enough for the resolver. */
    private static ByteArrayInputStream stubBundle(String name, String version, List<String> exports,
            String capabilities) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        main.putValue(Constants.BUNDLE_VERSION, version);
        if (!exports.isEmpty()) {
            main.putValue(Constants.EXPORT_PACKAGE, String.join(",", exports));
        }
        if (!capabilities.isEmpty()) {
            main.putValue(Constants.PROVIDE_CAPABILITY, capabilities);
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            // a manifest is all the resolver reads
        }
        return new ByteArrayInputStream(jar.toByteArray());
    }

    /** The lowest version an import range accepts: "[2.13,3)" gives 2.13; no range gives 0. */
    private static String floor(@Nullable String range) {
        if (range == null || range.isBlank()) {
            return "0.0.0";
        }
        String low = range.replaceAll("^[\\[(]", "").split(",")[0].trim();
        return low.isEmpty() ? "0.0.0" : low;
    }

    private static boolean isJdkPackage(String name) {
        return ModuleLayer.boot().modules().stream().map(m -> m.getDescriptor())
                .filter(d -> d.name().startsWith("java.") || d.name().startsWith("jdk."))
                .anyMatch(d -> d.exports().stream().map(ModuleDescriptor.Exports::source).anyMatch(name::equals));
    }
}
