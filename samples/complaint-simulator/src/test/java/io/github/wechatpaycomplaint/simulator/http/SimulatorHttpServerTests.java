package io.github.wechatpaycomplaint.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's HTTP server on the wire: header names exactly as given, chunked and
 * fixed-length bodies, {@code Expect: 100-continue}, and several requests on one
 * kept-alive connection.
 */
class SimulatorHttpServerTests {

	@Test
	void writesHeaderNamesExactlyAsGivenAndServesTwoRequestsOnOneConnection() throws IOException {
		try (SimulatorHttpServer server = SimulatorHttpServer.start(0, SimulatorHttpServerTests::echo);
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
			send(socket, "POST /v3/a?x=%7B1%7D HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
			String first = readResponse(socket.getInputStream());
			assertThat(first).startsWith("HTTP/1.1 200 OK\r\n")
				.contains("\r\nWechatpay-Timestamp: 1700000000\r\n", "\r\nRequest-ID: R1\r\n", "\r\nContent-Length: ")
				.endsWith("POST /v3/a x=%7B1%7D hello");
			send(socket, "POST /v3/b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
					+ "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n");
			assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK")
				.endsWith("POST /v3/b null abcde");
		}
	}

	private static SimulatorHttpServer.Response echo(SimulatorHttpServer.Request request) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Wechatpay-Timestamp", "1700000000");
		headers.put("Request-ID", "R1");
		String text = request.method() + " " + request.rawPath() + " " + request.rawQuery() + " "
				+ new String(request.body(), StandardCharsets.UTF_8);
		return new SimulatorHttpServer.Response(200, headers, text.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(Socket socket, String request) throws IOException {
		socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
	}

	// Reads up to the end of one response body, using its Content-Length.
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		String text;
		do {
			int next = in.read();
			assertThat(next).as("response ends early").isNotNegative();
			head.write(next);
			text = head.toString(StandardCharsets.ISO_8859_1);
		}
		while (!text.endsWith("\r\n\r\n") || text.endsWith("100 Continue\r\n\r\n"));
		int start = text.indexOf("Content-Length: ") + "Content-Length: ".length();
		int length = Integer.parseInt(text.substring(start, text.indexOf("\r\n", start)));
		return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
