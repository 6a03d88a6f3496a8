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
package org.openhab.binding.p1meter.internal.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.core.io.transport.serial.PortInUseException;
import org.openhab.core.io.transport.serial.SerialPortIdentifier;
import org.openhab.core.io.transport.serial.SerialPortManager;

/**
 * The serial source over openHAB's SerialPortManager: line settings (auto: 115200 8N1, then 9600 7E1), data
 * from port events, messages that say what to do, and a close that always unblocks the reader.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(30)
class OpenHabSerialSourceTest {

    private final SerialPortManager manager = mock(SerialPortManager.class);
    private final SerialPortIdentifier usb0 = mock(SerialPortIdentifier.class);
    private final FakeSerialPort port = new FakeSerialPort("/dev/ttyUSB0");

    OpenHabSerialSourceTest() throws Exception {
        when(usb0.getName()).thenReturn("/dev/ttyUSB0");
        when(usb0.open(anyString(), anyInt())).thenReturn(port);
        when(manager.getIdentifier("/dev/ttyUSB0")).thenReturn(usb0);
        when(manager.getIdentifiers()).thenAnswer(inv -> Stream.of(usb0));
    }

    private OpenHabSerialSource source(String baud) {
        return new OpenHabSerialSource(manager, "/dev/ttyUSB0", SerialLineSettings.forBaudRate(baud));
    }

    @Test
    void aDeviceFileThatDisappearsEndsTheReadAsAPulledCable(@TempDir Path dir) throws Exception {
        // openHAB's serial transport says nothing when a USB cable is pulled; its device file disappears
        Path device = Files.createFile(dir.resolve("ttyUSB7"));
        SerialPortIdentifier usb7 = mock(SerialPortIdentifier.class);
        when(usb7.open(anyString(), anyInt())).thenReturn(new FakeSerialPort(device.toString()));
        when(manager.getIdentifier(device.toString())).thenReturn(usb7);
        OpenHabSerialSource source = new OpenHabSerialSource(manager, device.toString(),
                SerialLineSettings.forBaudRate("auto"));
        InputStream in = source.open();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read(new byte[16], 0, 16);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        Thread.sleep(1500);
        assertThat(read).as("an idle line that is still there keeps waiting").isNotDone();
        Files.delete(device);
        assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                .hasMessageContaining(device + " is gone (USB cable unplugged?)");
        source.close();
    }

    @Test
    void autoTries115200ThenFallsBackTo9600SevenEven() throws Exception {
        OpenHabSerialSource source = source("auto");
        source.open().close();
        assertThat(source.nextLineSettings()).isEqualTo("9600 7E1");
        source.open().close();
        assertThat(source.nextLineSettings()).isEqualTo("115200 8N1");
        // baud, data bits, stop bits (1), parity (0 none, 2 even)
        assertThat(port.params).containsExactly("115200 8 1 0", "9600 7 1 2");
        source.close();
    }

    @Test
    void aFixedBaudRateStays() throws Exception {
        OpenHabSerialSource source = source("9600");
        assertThat(source.nextLineSettings()).isEqualTo("9600 7E1");
        source.open();
        assertThat(port.params).containsExactly("9600 7 1 2");
        source.close();
    }

    @Test
    void deliversWhatThePortReceives() throws Exception {
        OpenHabSerialSource source = source("auto");
        InputStream in = source.open();
        assertThat(port.listening()).isTrue();
        port.receive("/ISK5\\2M550T-1012\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[64];
        int n = in.read(buf, 0, buf.length);
        assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("/ISK5\\2M550T-1012\r\n");
        source.close();
        assertThat(port.closed).isTrue();
    }

    @Test
    void closeUnblocksAPendingRead() throws Exception {
        OpenHabSerialSource source = source("auto");
        InputStream in = source.open();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read(new byte[16], 0, 16);
            } catch (IOException e) {
                return -2;
            }
        });
        Thread.sleep(200);
        assertThat(read).isNotDone();
        source.close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void anUnpluggedAdapterFailsTheReadSoTheReaderReopens() throws Exception {
        OpenHabSerialSource source = source("auto");
        InputStream in = source.open();
        port.failReads = true;
        port.receive(new byte[] { 1 });
        assertThatThrownBy(() -> in.read(new byte[16], 0, 16)).isInstanceOf(IOException.class)
                .hasMessageContaining("/dev/ttyUSB0");
        source.close();
    }

    @Test
    void aMissingPortSaysWhichPortsExist() {
        OpenHabSerialSource source = new OpenHabSerialSource(manager, "/dev/ttyUSB9", SerialLineSettings.AUTO);
        assertThatThrownBy(source::open).isInstanceOf(IOException.class).hasMessageContaining("/dev/ttyUSB9 not found")
                .hasMessageContaining("/dev/ttyUSB0");
    }

    @Test
    void aPortInUseSaysByWhomAndWhatToDo() throws Exception {
        when(usb0.open(anyString(), anyInt()))
                .thenThrow(new PortInUseException(new Exception("Port currently owned by zigbee2mqtt")));
        when(usb0.getCurrentOwner()).thenReturn("zigbee2mqtt");
        assertThatThrownBy(source("auto")::open).isInstanceOf(IOException.class)
                .hasMessageContaining("in use by zigbee2mqtt").hasMessageContaining("/var/lock/LCK..ttyUSB0");
    }

    @Test
    void anUnknownBaudRateIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> SerialLineSettings.forBaudRate("4800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto").hasMessageContaining("115200").hasMessageContaining("9600");
        assertThat(SerialLineSettings.forBaudRate(" AUTO "))
                .isEqualTo(List.of(SerialLineSettings.DSMR4, SerialLineSettings.DSMR2));
    }
}
