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

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.karaf.BuiltArtifacts.Archive;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Resolving is not enough: the bundle's Declarative Services components must also start when the serial
 * transport or the web socket support is missing. Service Component Runtime does not start a component with an
 * unsatisfied mandatory reference, and cannot even load a component class that names a package nobody exports
 * (its constructor, fields and methods are looked up by reflection). This test reads the component descriptions
 * the bundle ships ({@code Service-Component}) and works out which components need which optional package,
 * following mandatory references from component to component.
 *
 * <p>
 * The checks run once the bundle has the components in question; until then they are reported as skipped.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class DeclarativeServicesIT {

    private static final String SERIAL = "org.openhab.core.io.transport.serial";
    private static final String WEBSOCKET = "org.openhab.core.io.websocket";
    private static final String HANDLER_FACTORY = "org.openhab.core.thing.binding.ThingHandlerFactory";
    /** A servlet component, or the dashboard service that registers its servlet with the whiteboard itself. */
    private static final Set<String> SERVLETS = Set.of("javax.servlet.Servlet", "javax.servlet.http.HttpServlet",
            "org.openhab.binding.p1meter.internal.service.DashboardService");

    /** One component description: what it provides, what it must have, and what its class names. */
    record Component(String name, String implementation, Set<String> provides, Set<String> mandatoryReferences,
            Set<String> classStrings) {

        @Override
        public String toString() {
            return name + " (provides " + provides + ", must have " + mandatoryReferences + ")";
        }
    }

    private static List<Component> components = List.of();

    @BeforeAll
    static void readComponents() throws Exception {
        Archive bundle = BuiltArtifacts.addonBundle();
        String header = Objects.requireNonNull(bundle.manifest()).getMainAttributes().getValue("Service-Component");
        List<Component> found = new ArrayList<>();
        if (header != null) {
            for (OsgiHeader.Clause clause : OsgiHeader.parse(header)) {
                for (String path : clause.names()) {
                    found.addAll(parse(bundle, path));
                }
            }
        }
        components = found;
    }

    @Test
    void describesOnlyComponentsWhoseClassesAreInTheBundle() throws Exception {
        Archive bundle = BuiltArtifacts.addonBundle();
        assertThat(components).allSatisfy(
                c -> assertThat(bundle.files()).containsKey(c.implementation().replace('.', '/') + ".class"));
    }

    @Test
    void everyServiceConfigurableInTheUiIsImmediate() throws Exception {
        // Settings > Other Services lists a component by its service.config.* properties and configures it through
        // ConfigAdmin; nothing ever fetches an output service, so a delayed one would never activate, its port
        // never open. (A real openHAB showed exactly that; the real-openHAB suite checks each service serves.)
        Archive bundle = BuiltArtifacts.addonBundle();
        String header = Objects.requireNonNull(bundle.manifest()).getMainAttributes().getValue("Service-Component");
        List<String> configurable = new ArrayList<>();
        for (OsgiHeader.Clause clause : OsgiHeader.parse(Objects.requireNonNull(header))) {
            for (String path : clause.names()) {
                org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new java.io.ByteArrayInputStream(bundle.file(path)));
                org.w3c.dom.Element component = xml.getDocumentElement();
                org.w3c.dom.NodeList properties = component.getElementsByTagName("property");
                for (int i = 0; i < properties.getLength(); i++) {
                    org.w3c.dom.Element property = (org.w3c.dom.Element) properties.item(i);
                    if ("service.config.description.uri".equals(property.getAttribute("name"))) {
                        configurable.add(component.getAttribute("name"));
                        assertThat(component.getAttribute("immediate")).as(component.getAttribute("name"))
                                .isEqualTo("true");
                    }
                }
            }
        }
        assertThat(configurable).as("components configurable under Settings, Other Services")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void thingHandlerFactoryStartsWithoutTheSerialTransport() {
        List<Component> factories = providing(Set.of(HANDLER_FACTORY));
        assumeTrue(!factories.isEmpty(), "the bundle has no ThingHandlerFactory component yet");
        // otherwise not even the TCP bridges work until the user installs openhab-transport-serial
        assertThat(factories).allSatisfy(factory -> assertThat(needs(factory, SERIAL, new HashSet<>())).as(
                "%s (%s) needs %s: make the serial port manager an optional, dynamic reference, held in a "
                        + "class of its own, and let the serial bridge go OFFLINE when it is absent",
                factory.name(), factory.implementation(), SERIAL).isFalse());
    }

    @Test
    void dashboardStartsWithoutTheWebSocketSupport() {
        List<Component> servlets = providing(SERVLETS);
        assumeTrue(!servlets.isEmpty(), "the bundle has no servlet component yet");
        // the page falls back to polling: the servlet must not go down with the web socket
        assertThat(servlets).allSatisfy(servlet -> assertThat(needs(servlet, WEBSOCKET, new HashSet<>()))
                .as("%s (%s) needs %s", servlet.name(), servlet.implementation(), WEBSOCKET).isFalse());
    }

    @Test
    void outputServicesStartWithoutEitherOptionalPackage() {
        // every component that is neither the serial nor the web socket part itself: outputs, registry, ...
        List<Component> others = components.stream()
                .filter(c -> !mentions(c, SERIAL) && !mentions(c, WEBSOCKET)
                        && c.provides().stream().noneMatch(p -> p.startsWith(SERIAL) || p.startsWith(WEBSOCKET)))
                .toList();
        assumeTrue(!others.isEmpty(), "the bundle has no components yet");
        assertThat(others).allSatisfy(c -> assertThat(
                needs(c, SERIAL, new HashSet<>()) || needs(c, WEBSOCKET, new HashSet<>()))
                .as("%s (%s) depends, through its mandatory references, on a component that needs an optional package",
                        c.name(), c.implementation())
                .isFalse());
    }

    /** Whether the component cannot start without the package: directly, or through a mandatory reference. */
    private static boolean needs(Component component, String packageName, Set<String> visiting) {
        if (!visiting.add(component.name())) {
            return false; // a reference cycle: judged on the way in
        }
        if (mentions(component, packageName)) {
            return true;
        }
        for (String reference : component.mandatoryReferences()) {
            if (reference.startsWith(packageName + ".")) {
                return true;
            }
            List<Component> providers = providing(Set.of(reference));
            // a service from outside the bundle (openHAB core): available in any openHAB
            if (!providers.isEmpty() && providers.stream().allMatch(p -> needs(p, packageName, visiting))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Component component, String packageName) {
        String slashed = packageName.replace('.', '/') + "/";
        return component.classStrings().stream().anyMatch(s -> s.contains(slashed));
    }

    private static List<Component> providing(Set<String> interfaces) {
        return components.stream().filter(c -> c.provides().stream().anyMatch(interfaces::contains)).toList();
    }

    private static List<Component> parse(Archive bundle, String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bundle.file(path)))
                .getDocumentElement();
        List<Element> elements = "component".equals(root.getLocalName()) ? List.of(root)
                : descendants(root, "component");
        List<Component> parsed = new ArrayList<>();
        Map<String, byte[]> files = bundle.files();
        for (Element component : elements) {
            String implementation = descendants(component, "implementation").get(0).getAttribute("class");
            Set<String> provides = new HashSet<>();
            for (Element provide : descendants(component, "provide")) {
                provides.add(provide.getAttribute("interface"));
            }
            Set<String> mandatory = new HashSet<>();
            for (Element reference : descendants(component, "reference")) {
                String cardinality = reference.getAttribute("cardinality");
                if (cardinality.isEmpty() || cardinality.startsWith("1")) {
                    mandatory.add(reference.getAttribute("interface"));
                }
            }
            byte[] classFile = files.get(implementation.replace('.', '/') + ".class");
            Set<String> strings = classFile == null ? Set.of() : ClassFileStrings.of(classFile);
            parsed.add(new Component(component.getAttribute("name"), implementation, provides, mandatory, strings));
        }
        return parsed;
    }

    private static List<Element> descendants(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            Node node = all.item(i);
            if (node instanceof Element e) {
                result.add(e);
            }
        }
        if (result.isEmpty()) {
            // descriptions without a namespace on the child elements
            NodeList plain = parent.getElementsByTagName(localName);
            for (int i = 0; i < plain.getLength(); i++) {
                if (plain.item(i) instanceof Element e) {
                    result.add(e);
                }
            }
        }
        return result;
    }
}
