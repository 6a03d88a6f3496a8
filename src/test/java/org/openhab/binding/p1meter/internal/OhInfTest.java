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
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.handler.ElectricityChannel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Every OH-INF XML file is valid against openHAB 5.2.1's schemas (validated offline: the schemas' remote
 * locations resolve to the copies in the test resources), and the XML, the i18n files and the code agree.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class OhInfTest {

    private static final String SCHEMA_URL_PREFIX = "https://openhab.org/schemas/";

    static Path ohInf() throws URISyntaxException {
        URL url = OhInfTest.class.getResource("/OH-INF/addon/addon.xml");
        assertThat(url).as("OH-INF on the class path").isNotNull();
        return Path.of(url.toURI()).getParent().getParent();
    }

    static Stream<Path> xmlFiles() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ohInf())) {
            walk.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("xmlFiles")
    void isValidAgainstTheOpenHabSchema(Path file) throws Exception {
        Document doc = parse(file);
        String ns = doc.getDocumentElement().getNamespaceURI();
        String xsd = switch (ns) {
            case "https://openhab.org/schemas/thing-description/v1.0.0" -> "thing-description-1.0.0.xsd";
            case "https://openhab.org/schemas/config-description/v1.0.0" -> "config-description-1.0.0.xsd";
            case "https://openhab.org/schemas/addon/v1.0.0" -> "addon-1.0.0.xsd";
            default -> throw new AssertionError(file + " has an unexpected root namespace " + ns);
        };
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new LocalSchemas());
        Schema schema;
        try (InputStream in = schemaStream(xsd)) {
            schema = factory.newSchema(new StreamSource(in, SCHEMA_URL_PREFIX + xsd));
        }
        Validator validator = schema.newValidator();
        validator.setResourceResolver(new LocalSchemas());
        validator.validate(new StreamSource(file.toFile()));
    }

    @Test
    void addonDescribesTheBindingForTheThreeCountries() throws Exception {
        Element root = parse(ohInf().resolve("addon/addon.xml")).getDocumentElement();
        assertThat(root.getAttribute("id")).isEqualTo("p1meter");
        assertThat(text(root, "type")).isEqualTo("binding");
        assertThat(text(root, "connection")).isEqualTo("local");
        assertThat(text(root, "countries")).isEqualTo("nl,be,lu");
    }

    @Test
    void everyChannelTheBridgeCanCreateHasAChannelTypeWithTheSameItemTypeAndUnit() throws Exception {
        Map<String, Element> types = channelTypeElements();
        assertThat(ElectricityChannel.all()).hasSizeGreaterThan(45);
        for (ElectricityChannel c : ElectricityChannel.all()) {
            Element type = types.get(c.id());
            assertThat(type).as("channel type of %s", c.id()).isNotNull();
            Element itemType = (Element) type.getElementsByTagName("item-type").item(0);
            assertThat(itemType.getTextContent().trim()).as("item type of %s", c.id()).isEqualTo(c.itemType());
            assertThat(itemType.getAttribute("unitHint")).as("unit hint of %s", c.id()).isEqualTo(c.unit());
        }
        Map<String, String> itemTypes = channelTypes();
        assertThat(itemTypes).containsEntry(P1MeterBindingConstants.CHANNEL_CRC_ERRORS, "Number");
        assertThat(itemTypes).containsEntry(P1MeterBindingConstants.CHANNEL_LAST_UPDATE, "DateTime");
    }

    @Test
    void everyQuantityWithAChannelHasABridgeChannelOfItsOwn() {
        List<String> ids = ElectricityChannel.all().stream().map(ElectricityChannel::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (Quantity q : Quantity.values()) {
            Quantity.Channel c = q.channel();
            if (c != null) {
                assertThat(ElectricityChannel.of(q).id()).as("channel of %s", q).isEqualTo(c.id());
            }
        }
    }

    @Test
    void everyChannelTypeIsAnElectricityChannelOrOneAThingTypeDeclares() throws Exception {
        // a channel type nobody creates is one whose descriptor went away or was renamed
        Set<String> used = new HashSet<>();
        for (ElectricityChannel c : ElectricityChannel.all()) {
            used.add(c.id());
        }
        used.addAll(List.of(P1MeterBindingConstants.CHANNEL_CRC_ERRORS, P1MeterBindingConstants.CHANNEL_LAST_UPDATE,
                P1MeterBindingConstants.CHANNEL_POWER_DIRECTION));
        for (String thingTypes : List.of("thing/bridges.xml", "thing/mbus.xml")) {
            NodeList channels = parse(ohInf().resolve(thingTypes)).getElementsByTagName("channel");
            for (int i = 0; i < channels.getLength(); i++) {
                used.add(((Element) channels.item(i)).getAttribute("typeId"));
            }
        }
        assertThat(used).as("channel types that no descriptor and no thing type uses")
                .containsAll(channelTypes().keySet());
    }

    @Test
    void everyMBusThingTypeHasTheSerialNumberAsRepresentationProperty() throws Exception {
        NodeList things = parse(ohInf().resolve("thing/mbus.xml")).getElementsByTagName("thing-type");
        assertThat(things.getLength()).isEqualTo(4);
        for (int i = 0; i < things.getLength(); i++) {
            Element thing = (Element) things.item(i);
            assertThat(text(thing, "representation-property")).as(thing.getAttribute("id"))
                    .isEqualTo(P1MeterBindingConstants.PROPERTY_SERIAL_NUMBER);
        }
    }

    @Test
    void englishAndDutchTranslateEveryChannelTypeAndConfigParameter() throws Exception {
        Properties en = properties("i18n/p1meter.properties");
        Properties nl = properties("i18n/p1meter_nl.properties");
        List<String> keys = new ArrayList<>();
        for (String id : channelTypes().keySet()) {
            keys.add("channel-type.p1meter." + id + ".label");
            keys.add("channel-type.p1meter." + id + ".description");
        }
        NodeList descriptions = parse(ohInf().resolve("config/config.xml")).getElementsByTagName("config-description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element d = (Element) descriptions.item(i);
            String uri = d.getAttribute("uri");
            if (!uri.startsWith("thing-type:")) {
                continue; // the output services' descriptions: io:p1meter-*
            }
            NodeList params = d.getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                String name = ((Element) params.item(j)).getAttribute("name");
                keys.add("thing-type.config." + uri.substring("thing-type:".length()).replace(':', '.') + "." + name
                        + ".label");
            }
        }
        assertThat(keys).hasSizeGreaterThan(90);
        for (String key : keys) {
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
            assertThat(nl.getProperty(key)).as("nl " + key).isNotBlank();
        }
        assertThat(nl.getProperty("channel-type.p1meter.net-power.label")).isEqualTo("Netto vermogen");
    }

    private static Map<String, String> channelTypes() throws Exception {
        Map<String, String> result = new HashMap<>();
        for (Map.Entry<String, Element> e : channelTypeElements().entrySet()) {
            result.put(e.getKey(), text(e.getValue(), "item-type"));
        }
        return result;
    }

    private static Map<String, Element> channelTypeElements() throws Exception {
        Map<String, Element> result = new HashMap<>();
        NodeList types = parse(ohInf().resolve("thing/channels.xml")).getElementsByTagName("channel-type");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            result.put(type.getAttribute("id"), type);
        }
        return result;
    }

    private static Properties properties(String relative) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ohInf().resolve(relative), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static @Nullable String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static InputStream schemaStream(String name) {
        InputStream in = OhInfTest.class.getResourceAsStream("/openhab-schemas/" + name);
        if (in == null) {
            fail("schema " + name + " missing from the test resources");
        }
        return in;
    }

    /** Resolves https://openhab.org/schemas/X to the copy of X in the test resources: no network. */
    private static final class LocalSchemas implements LSResourceResolver {
        @Override
        public @Nullable LSInput resolveResource(@Nullable String type, @Nullable String namespaceURI,
                @Nullable String publicId, @Nullable String systemId, @Nullable String baseURI) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream in = OhInfTest.class.getResourceAsStream("/openhab-schemas/" + name);
            if (in == null) {
                throw new IllegalStateException("schema " + systemId + " is not available offline");
            }
            return new SchemaInput(publicId, SCHEMA_URL_PREFIX + name, in);
        }
    }

    private record SchemaInput(@Nullable String publicId, String systemId, InputStream stream) implements LSInput {
        @Override
        public @Nullable Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(@Nullable Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            return stream;
        }

        @Override
        public void setByteStream(@Nullable InputStream byteStream) {
        }

        @Override
        public @Nullable String getStringData() {
            return null;
        }

        @Override
        public void setStringData(@Nullable String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(@Nullable String systemId) {
        }

        @Override
        public @Nullable String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(@Nullable String publicId) {
        }

        @Override
        public @Nullable String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(@Nullable String baseURI) {
        }

        @Override
        public @Nullable String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(@Nullable String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
