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
package org.openhab.binding.p1meter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The built add-on jar in a real OSGi framework (Apache Felix with SCR and ConfigAdmin), next to the
 * openhab-api mirror bundle (exporting org.openhab.core.* 5.2.1) and the libraries openHAB provides: it
 * resolves against them, and its Declarative Services components activate.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(120)
class P1MeterBundleIT {

    /** What openHAB's runtime provides besides its own core: artifact path fragments on the class path. */
    private static final List<String> RUNTIME = List.of("/org/apache/felix/org.apache.felix.configadmin/",
            "/org/osgi/org.osgi.util.function/", "/org/osgi/org.osgi.util.promise/", "/org/osgi/org.osgi.service.component/",
            "/org/apache/felix/org.apache.felix.scr/", "/com/google/code/gson/gson/",
            "/javax/measure/unit-api/", "/tech/uom/lib/uom-lib-common/", "/jakarta/inject/jakarta.inject-api/",
            "/org/apiguardian/apiguardian-api/", "/tech/units/indriya/");

    private static final String SLF4J_VERSION = "2.0.16";

    @Test
    void addOnResolvesAndItsComponentsActivate(@TempDir Path storage) throws Exception {
        Path addOnJar = Path.of(System.getProperty("p1meter.bundle",
                "target/org.openhab.binding.p1meter-5.2.0-SNAPSHOT.jar"));
        assertThat(addOnJar).as("the add-on jar (built by `package`)").exists();

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        // in openHAB the logging bundle exports org.slf4j; here the test's own slf4j does, through the system bundle
        Framework framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=" + SLF4J_VERSION));
        framework.init();
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> runtime = new ArrayList<>();
            for (String artifact : RUNTIME) {
                runtime.add(context.installBundle(classPathJar(artifact).toUri().toString()));
            }
            Bundle mirror = context.installBundle(classPathJar("/openhab-api/").toUri().toString());
            Bundle addOn = context.installBundle(addOnJar.toUri().toString());
            for (Bundle b : runtime) {
                start(b);
            }
            start(mirror);
            // openHAB's serial transport, which the handler factory needs, as a service of the mirror's interface
            Class<?> serialPortManager = mirror.loadClass("org.openhab.core.io.transport.serial.SerialPortManager");
            Object noPorts = Proxy.newProxyInstance(serialPortManager.getClassLoader(),
                    new Class<?>[] { serialPortManager }, (proxy, method, args) -> switch (method.getName()) {
                        case "getIdentifiers" -> Stream.empty();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "no serial ports";
                        default -> null;
                    });
            mirror.getBundleContext().registerService(serialPortManager.getName(), noPorts, new Hashtable<>());

            start(addOn);
            assertThat(addOn.getState()).isEqualTo(Bundle.ACTIVE);

            // the add-on's openHAB imports are wired to the mirror, i.e. [5.0,6) matches 5.2.1
            BundleWiring wiring = addOn.adapt(BundleWiring.class);
            List<String> fromMirror = new ArrayList<>();
            for (BundleWire wire : wiring.getRequiredWires("osgi.wiring.package")) {
                String pkg = (String) wire.getCapability().getAttributes().get("osgi.wiring.package");
                if (pkg.startsWith("org.openhab.core")) {
                    assertThat(wire.getProvider().getBundle()).as(pkg).isEqualTo(mirror);
                    fromMirror.add(pkg);
                }
            }
            assertThat(fromMirror).contains("org.openhab.core.thing", "org.openhab.core.thing.binding",
                    "org.openhab.core.io.transport.serial", "org.openhab.core.config.discovery");

            // the handler factory activates (its references are satisfied) and knows the Thing types
            Object handlerFactory = service(context, "org.openhab.core.thing.binding.ThingHandlerFactory");
            Class<?> thingTypeUID = mirror.loadClass("org.openhab.core.thing.ThingTypeUID");
            Method supports = handlerFactory.getClass().getMethod("supportsThingType", thingTypeUID);
            for (String type : List.of("serial", "tcp", "gas", "water", "heat", "electricity")) {
                Object uid = thingTypeUID.getConstructor(String.class, String.class).newInstance("p1meter", type);
                assertThat(supports.invoke(handlerFactory, uid)).as(type).isEqualTo(true);
            }
            Object other = thingTypeUID.getConstructor(String.class, String.class).newInstance("dsmr", "device");
            assertThat(supports.invoke(handlerFactory, other)).isEqualTo(false);

            // the bridge registry activates and hands out feeds
            Object registry = service(context, "org.openhab.binding.p1meter.internal.P1BridgeRegistry");
            Object feed = registry.getClass().getMethod("feed", String.class).invoke(registry, (Object) null);
            assertThat(feed).isNotNull();

            // the discovery service is a prototype: one instance per bridge
            ServiceReference<?> discoveryRef = reference(context,
                    "org.openhab.binding.p1meter.internal.discovery.P1MBusDiscoveryService");
            assertThat(discoveryRef.getProperty(Constants.SERVICE_SCOPE)).isEqualTo(Constants.SCOPE_PROTOTYPE);
            Object discovery = context.getServiceObjects(discoveryRef).getService();
            assertThat(discovery).isNotNull();
            Object types = discovery.getClass().getMethod("getSupportedThingTypes").invoke(discovery);
            assertThat((Collection<?>) types).hasSize(4);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void manifestImportsOpenHab5AndTheRuntimeLibrariesAndShipsNoOpenHabClasses() throws Exception {
        Path addOnJar = Path.of(System.getProperty("p1meter.bundle",
                "target/org.openhab.binding.p1meter-5.2.0-SNAPSHOT.jar"));
        try (JarFile jar = new JarFile(addOnJar.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("org.openhab.binding.p1meter");
            Map<String, String> imports = new HashMap<>();
            // split on the commas between clauses, not the ones inside quoted version ranges
            for (String clause : main.getValue("Import-Package").split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String[] parts = clause.split(";", 2);
                imports.put(parts[0].trim(), parts.length > 1 ? parts[1] : "");
            }
            List<String> openhab = imports.keySet().stream().filter(p -> p.startsWith("org.openhab.core")).toList();
            assertThat(openhab).contains("org.openhab.core.thing", "org.openhab.core.thing.binding",
                    "org.openhab.core.io.transport.serial", "org.openhab.core.config.discovery",
                    "org.openhab.core.library.types");
            for (String pkg : openhab) {
                assertThat(imports.get(pkg)).as(pkg).contains("version=\"[5.0,6)\"");
            }
            assertThat(imports).containsKeys("com.google.gson", "javax.measure", "org.slf4j");
            assertThat(imports.keySet()).noneMatch(p -> p.startsWith("org.eclipse.paho"));
            List<String> entries = jar.stream().map(JarEntry::getName).toList();
            assertThat(entries).noneMatch(n -> n.startsWith("org/openhab/core/"));
            assertThat(entries).contains("OH-INF/addon/addon.xml", "OH-INF/thing/channels.xml",
                    "OH-INF/i18n/p1meter_nl.properties");
            if (entries.stream().anyMatch(n -> n.contains("/mqtt/"))) {
                // the MQTT output uses Paho, which openHAB does not export: it must be inside
                assertThat(entries).anyMatch(n -> n.startsWith("org/eclipse/paho/client/mqttv3/"));
            }
        }
    }

    private static void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new AssertionError("Bundle " + bundle.getSymbolicName() + " does not start: " + e.getMessage(), e);
        }
    }

    private static ServiceReference<?> reference(BundleContext context, String clazz) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            // all references: the test (system bundle) does not import the add-on's packages itself
            ServiceReference<?>[] refs = context.getAllServiceReferences(clazz, null);
            if (refs != null && refs.length > 0) {
                return refs[0];
            }
            if (System.nanoTime() > deadline) {
                List<String> services = new ArrayList<>();
                for (ServiceReference<?> r : context.getAllServiceReferences(null, null)) {
                    services.add(String.valueOf(r.getProperty(Constants.OBJECTCLASS).getClass().isArray()
                            ? List.of((String[]) r.getProperty(Constants.OBJECTCLASS))
                            : r.getProperty(Constants.OBJECTCLASS)));
                }
                throw new AssertionError("no service " + clazz + " registered by the add-on's components; services: "
                        + services);
            }
            Thread.sleep(50);
        }
    }

    private static Object service(BundleContext context, String clazz) throws Exception {
        ServiceReference<?> ref = reference(context, clazz);
        @Nullable
        Object service = context.getService(ref);
        assertThat(service).as("component behind " + clazz + " activates").isNotNull();
        return service;
    }

    /** A jar the test class path holds (Maven resolved it), found by a fragment of its path. */
    private static Path classPathJar(String fragment) {
        Set<String> seen = new java.util.TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String normalized = entry.replace(File.separatorChar, '/');
            if (normalized.contains(fragment)) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                    return p;
                }
                seen.add(entry);
            }
        }
        throw new AssertionError("No jar for " + fragment + " on the test class path" + (seen.isEmpty() ? ""
                : " (only " + seen + "; run `mvn verify` from the reactor root so that modules are packaged)"));
    }
}
