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
package org.openhab.binding.p1meter.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;
import org.openhab.binding.p1meter.internal.serial.FakeSerialPort;
import org.openhab.binding.p1meter.internal.serial.OpenHabSerialSources;
import org.openhab.binding.p1meter.internal.serial.SerialSources;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.io.transport.serial.SerialPortIdentifier;
import org.openhab.core.io.transport.serial.SerialPortManager;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * The serial bridge through openHAB's serial transport (a port that receives a corpus telegram every 100 ms).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class SerialBridgeHandlerTest {

    private final RecordingCallback callback = new RecordingCallback();
    private final SerialPortManager manager = mock(SerialPortManager.class);
    private final SerialPortIdentifier usb0 = mock(SerialPortIdentifier.class);
    private final FakeSerialPort port = new FakeSerialPort("/dev/ttyUSB0");
    private volatile boolean meterRunning = true;
    private @Nullable SerialBridgeHandler handler;

    SerialBridgeHandlerTest() throws Exception {
        when(usb0.getName()).thenReturn("/dev/ttyUSB0");
        when(usb0.open(anyString(), anyInt())).thenReturn(port);
        when(manager.getIdentifier("/dev/ttyUSB0")).thenReturn(usb0);
        when(manager.getIdentifiers()).thenAnswer(inv -> Stream.of(usb0));
    }

    @AfterEach
    void tearDown() {
        meterRunning = false;
        SerialBridgeHandler h = handler;
        if (h != null) {
            h.dispose();
        }
    }

    private SerialBridgeHandler start(Map<String, Object> config) {
        return start(config, new OpenHabSerialSources(manager));
    }

    private SerialBridgeHandler start(Map<String, Object> config, @Nullable SerialSources sources) {
        Bridge bridge = BridgeBuilder.create(THING_TYPE_SERIAL, "usb").withConfiguration(new Configuration(config))
                .build();
        SerialBridgeHandler h = new SerialBridgeHandler(bridge, new P1BridgeRegistryImpl(), () -> sources);
        h.setCallback(callback.mock);
        handler = h;
        h.initialize();
        return h;
    }

    @Test
    void withoutTheSerialTransportTheBridgeSaysWhatToInstall() {
        SerialBridgeHandler h = start(Map.of(CONFIG_SERIAL_PORT, "/dev/ttyUSB0"), null);

        assertThat(h.getThing().getStatus()).isEqualTo(ThingStatus.OFFLINE);
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription()))
                .contains("feature:install openhab-transport-serial");
    }

    @Test
    void readsTelegramsFromTheSerialPort() {
        byte[] telegram = TestTelegrams.bytes(TcpBridgeHandlerTest.SINGLE_PHASE);
        Thread meter = new Thread(() -> {
            while (meterRunning) {
                if (port.listening()) {
                    port.receive(telegram);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        meter.setDaemon(true);
        meter.start();
        SerialBridgeHandler h = start(Map.of(CONFIG_SERIAL_PORT, "/dev/ttyUSB0"));

        Await.until(Duration.ofSeconds(20), () -> h.getThing().getStatus() == ThingStatus.ONLINE,
                () -> "ONLINE, status is " + h.getThing().getStatusInfo());
        Await.until(Duration.ofSeconds(20), () -> callback.state(h.getThing(), "net-power") != null, () -> "net power");
        assertThat(callback.state(h.getThing(), "net-power"))
                .isEqualTo(new QuantityType<>(new BigDecimal("2778"), Units.WATT));
        assertThat(port.params.get(0)).isEqualTo("115200 8 1 0");
    }

    @Test
    void aVanishedPortIsACommunicationErrorThatNamesIt() {
        SerialBridgeHandler h = start(Map.of(CONFIG_SERIAL_PORT, "/dev/ttyACM3"));
        Await.until(Duration.ofSeconds(20), () -> h.getThing().getStatus() == ThingStatus.OFFLINE,
                () -> "OFFLINE, status is " + h.getThing().getStatusInfo());
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.COMMUNICATION_ERROR);
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription()))
                .contains("/dev/ttyACM3 not found");
    }

    @Test
    void anEmptyPortIsAConfigurationError() {
        SerialBridgeHandler h = start(Map.of(CONFIG_SERIAL_PORT, ""));
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription())).contains("serial port");
    }

    @Test
    void anUnsupportedBaudRateIsAConfigurationError() {
        SerialBridgeHandler h = start(Map.of(CONFIG_SERIAL_PORT, "/dev/ttyUSB0", CONFIG_BAUD_RATE, "4800"));
        assertThat(h.getThing().getStatusInfo().getStatusDetail()).isEqualTo(ThingStatusDetail.CONFIGURATION_ERROR);
        assertThat(StatusTexts.english(h.getThing().getStatusInfo().getDescription())).contains("4800")
                .contains("auto");
    }
}
