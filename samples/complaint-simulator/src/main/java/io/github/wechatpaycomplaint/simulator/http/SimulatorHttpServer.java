package io.github.wechatpaycomplaint.simulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal HTTP/1.1 server on the loopback interface. It exists for one reason: the
 * JDK's {@code HttpServer} rewrites response header names ({@code Wechatpay-Timestamp}
 * becomes {@code Wechatpay-timestamp}), and clients that look WeChat Pay's headers up
 * case-sensitively, such as the official Java SDK, then find none. This server writes
 * header names exactly as given. It reads {@code Content-Length} and chunked bodies,
 * answers {@code Expect: 100-continue}, and keeps connections alive until the client
 * closes them.
 *
 * @since 0.1.0
 */
public final class SimulatorHttpServer implements AutoCloseable {

	private static final int MAX_LINE = 64 * 1024;

	private final ServerSocket serverSocket;

	private final Handler handler;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "wechatpay-simulator-http");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private SimulatorHttpServer(ServerSocket serverSocket, Handler handler) {
		this.serverSocket = serverSocket;
		this.handler = handler;
	}

	/**
	 * Listens on the loopback interface and serves requests with a handler.
	 * @param port the port, {@code 0} for a free one
	 * @param handler answers requests
	 * @return the running server
	 * @throws IOException when the port cannot be bound
	 */
	public static SimulatorHttpServer start(int port, Handler handler) throws IOException {
		SimulatorHttpServer server = new SimulatorHttpServer(
				new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), handler);
		server.executor.execute(server::accept);
		return server;
	}

	public int port() {
		return this.serverSocket.getLocalPort();
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.forEach(SimulatorHttpServer::closeQuietly);
		this.executor.shutdownNow();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.add(socket);
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// the server socket was closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			boolean open = true;
			while (open) {
				String requestLine = readLine(in);
				if (requestLine == null) {
					return;
				}
				if (requestLine.isEmpty()) {
					continue; // a stray CRLF between requests is allowed
				}
				String[] parts = requestLine.split(" ");
				if (parts.length != 3) {
					return;
				}
				Map<String, String> headers = readHeaders(in);
				if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
					out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
				}
				byte[] body = readBody(in, headers);
				int query = parts[1].indexOf('?');
				String path = (query < 0) ? parts[1] : parts[1].substring(0, query);
				String rawQuery = (query < 0) ? null : parts[1].substring(query + 1);
				Response response = this.handler.handle(new Request(parts[0], path, rawQuery, headers, body));
				open = !"close".equalsIgnoreCase(headers.get("Connection")) && "HTTP/1.1".equals(parts[2]);
				write(out, response, open);
			}
		}
		catch (IOException ex) {
			// the client went away
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		String line;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
		}
		return headers;
	}

	private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
		String transferEncoding = headers.get("Transfer-Encoding");
		if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int size;
			while ((size = chunkSize(readLine(in))) > 0) {
				body.writeBytes(readExactly(in, size));
				readLine(in);
			}
			while (!readLine(in).isEmpty()) {
				// trailers are ignored
			}
			return body.toByteArray();
		}
		String length = headers.get("Content-Length");
		return (length != null) ? readExactly(in, Integer.parseInt(length.strip())) : new byte[0];
	}

	private static int chunkSize(String line) throws IOException {
		if (line == null) {
			throw new IOException("Connection closed inside a chunked body");
		}
		int extension = line.indexOf(';');
		return Integer.parseInt(((extension < 0) ? line : line.substring(0, extension)).strip(), 16);
	}

	private static byte[] readExactly(InputStream in, int length) throws IOException {
		byte[] bytes = in.readNBytes(length);
		if (bytes.length != length) {
			throw new IOException("Connection closed inside a body");
		}
		return bytes;
	}

	// A line up to CRLF (or LF) in ISO-8859-1, or null at the end of the stream.
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int next;
		while ((next = in.read()) != '\n') {
			if (next == -1) {
				if (line.size() == 0) {
					return null;
				}
				throw new SocketException("Connection closed inside a line");
			}
			if (line.size() >= MAX_LINE) {
				throw new IOException("Line too long");
			}
			line.write(next);
		}
		String text = line.toString(StandardCharsets.ISO_8859_1);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}

	private static void write(OutputStream out, Response response, boolean keepAlive) throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status())
			.append(' ')
			.append(reason(response.status()))
			.append("\r\n");
		response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (response.status() != 204) {
			head.append("Content-Length: ").append(response.body().length).append("\r\n");
		}
		if (!keepAlive) {
			head.append("Connection: close\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.UTF_8));
		out.write(response.body());
		out.flush();
	}

	private static String reason(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 204 -> "No Content";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			default -> "Status " + status;
		};
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * Answers one request.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Answers a request.
		 * @param request the request
		 * @return the response
		 */
		Response handle(Request request);

	}

	/**
	 * A request as it arrived.
	 *
	 * @param method the method
	 * @param rawPath the path, not decoded
	 * @param rawQuery the query after {@code ?}, not decoded, or {@code null}
	 * @param headers the headers, looked up without regard to case (the first of repeated
	 * headers)
	 * @param body the body bytes
	 */
	public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
	}

	/**
	 * A response.
	 *
	 * @param status the status
	 * @param headers the headers, written in this order and spelling
	 * ({@code Content-Length} is added)
	 * @param body the body bytes, empty for none
	 */
	public record Response(int status, Map<String, String> headers, byte[] body) {

		/**
		 * A pretty-printed JSON response.
		 * @param status the status
		 * @param body what to write
		 * @param jsonMapper writes it
		 * @return the response
		 */
		public static Response json(int status, Object body, JsonMapper jsonMapper) {
			return new Response(status, Map.of("Content-Type", "application/json; charset=utf-8"),
					jsonMapper.writerWithDefaultPrettyPrinter()
						.writeValueAsString(body)
						.getBytes(StandardCharsets.UTF_8));
		}

	}

}
