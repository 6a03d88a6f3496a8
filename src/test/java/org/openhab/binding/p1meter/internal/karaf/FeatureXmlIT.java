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
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The add-on's Karaf feature as built (filtered with the project version): what openHAB's feature service
 * reads when the KAR is deployed or the add-on store installs it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class FeatureXmlIT {

    static final String NAMESPACE = "http://karaf.apache.org/xmlns/features/v1.4.0";

    private static byte[] xml = new byte[0];

    @BeforeAll
    static void readFeature() throws IOException {
        xml = Files.readAllBytes(BuiltArtifacts.feature());
    }

    @Test
    void isValidAgainstKarafsFeaturesSchema() throws Exception {
        // the schema Karaf itself ships; validation also proves the file well-formed
        URL xsd = Objects.requireNonNull(getClass().getResource("/org/apache/karaf/features/karaf-features-1.4.0.xsd"),
                "karaf-features-1.4.0.xsd not on the test class path");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd).newValidator().validate(new StreamSource(BuiltArtifacts.feature().toFile()));
    }

    @Test
    void hasNoUnfilteredPlaceholders() {
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("${");
    }

    @Test
    void definesTheAddonFeatureWithTheProjectVersion() throws Exception {
        Element root = parse(xml).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("features");
        assertThat(root.getAttribute("name")).isEqualTo(BuiltArtifacts.ADDON + "-" + BuiltArtifacts.version());

        List<Element> features = children(root, "feature");
        assertThat(features).hasSize(1);
        Element feature = features.get(0);
        assertThat(feature.getAttribute("name")).isEqualTo("openhab-binding-p1meter");
        assertThat(feature.getAttribute("version")).isEqualTo(BuiltArtifacts.version());
        assertThat(feature.getAttribute("description")).isNotBlank();
    }

    @Test
    void dependsOnOpenhabRuntimeAndSerialTransport() throws Exception {
        Element feature = children(parse(xml).getDocumentElement(), "feature").get(0);
        assertThat(children(feature, "feature")).extracting(Node::getTextContent).map(String::trim)
                .containsExactlyInAnyOrder("openhab-runtime-base", "openhab-transport-serial");
    }

    @Test
    void installsExactlyTheAddonBundleAtBindingStartLevel() throws Exception {
        Element feature = children(parse(xml).getDocumentElement(), "feature").get(0);
        List<Element> bundles = children(feature, "bundle");
        assertThat(bundles).hasSize(1);
        assertThat(bundles.get(0).getTextContent().trim())
                .isEqualTo("mvn:org.openhab.addons.bundles/org.openhab.binding.p1meter/" + BuiltArtifacts.version());
        // openHAB starts its bindings at level 80, after the core services they need
        assertThat(bundles.get(0).getAttribute("start-level")).isEqualTo("80");
    }

    static Document parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }
}
