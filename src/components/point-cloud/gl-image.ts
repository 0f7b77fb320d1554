type Gl = WebGLRenderingContext | WebGL2RenderingContext;

const vertex = `
attribute vec2 a_corner;
varying vec2 v_uv;
void main() {
  v_uv = a_corner * 0.5 + 0.5;
  gl_Position = vec4(a_corner, 0.0, 1.0);
}`;

const fragment = `
precision mediump float;
uniform sampler2D u_image;
varying vec2 v_uv;
void main() {
  gl_FragColor = texture2D(u_image, v_uv);
}`;

/**
 * An RGBA image the size of the canvas, drawn over it pixel for pixel (one texture, one quad): how a binned
 * frame (density.ts) reaches the canvas the points are drawn on.
 */
export class GlImage {
  readonly #gl: Gl;
  readonly #program: WebGLProgram;
  readonly #corners: WebGLBuffer;
  readonly #texture: WebGLTexture;

  static create(gl: Gl): GlImage | null {
    const program = gl.createProgram();
    const shaders = [
      [gl.VERTEX_SHADER, vertex],
      [gl.FRAGMENT_SHADER, fragment]
    ] as const;
    for (const [type, source] of shaders) {
      const shader = gl.createShader(type);
      if (!shader || !program) return null;
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      gl.attachShader(program, shader);
    }
    gl.bindAttribLocation(program!, 0, "a_corner");
    gl.linkProgram(program!);
    return gl.getProgramParameter(program!, gl.LINK_STATUS) ? new GlImage(gl, program!) : null;
  }

  private constructor(gl: Gl, program: WebGLProgram) {
    this.#gl = gl;
    this.#program = program;
    this.#corners = gl.createBuffer()!;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    this.#texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, this.#texture);
    for (const wrap of [gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T])
      gl.texParameteri(gl.TEXTURE_2D, wrap, gl.CLAMP_TO_EDGE);
    for (const filter of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER])
      gl.texParameteri(gl.TEXTURE_2D, filter, gl.NEAREST);
  }

  /** Draws `pixels` (width × height RGBA, rows from the bottom) over the whole viewport. */
  draw(width: number, height: number, pixels: Uint8Array): void {
    const gl = this.#gl;
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.BLEND);
    gl.useProgram(this.#program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#texture);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    gl.uniform1i(gl.getUniformLocation(this.#program, "u_image"), 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#corners);
    for (let k = 1; k < 3; ++k) gl.disableVertexAttribArray(k);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  }

  dispose(): void {
    this.#gl.deleteBuffer(this.#corners);
    this.#gl.deleteTexture(this.#texture);
    this.#gl.deleteProgram(this.#program);
  }
}
