import type {Rgb} from "../colors.ts";
import {GlImage} from "./gl-image.ts";
import type {Mat4} from "./mat4.ts";
import {fragmentShader, vertexShader} from "./shaders.ts";

/** What one frame needs besides the buffers. */
export interface DrawParameters {
  readonly matrix: Mat4;
  /** Point diameter in device pixels. */
  readonly pointSize: number;
  /** 2-D: draw emphasized points over the others. */
  readonly layered: boolean;
  readonly hasSelection: boolean;
  /** 3-D: the eye's distance to the orbit target, where points have their nominal size; 0 in 2-D. */
  readonly focusDistance: number;
  readonly background: Rgb;
  readonly outline: Rgb;
}

type Gl = WebGLRenderingContext | WebGL2RenderingContext;

const ATTRIBUTES = {position: 0, color: 1, flags: 2} as const;

/**
 * The points in WebGL: three typed-array buffers (positions straight from the projection, colors, flags)
 * and one gl.POINTS draw call, so hundreds of thousands of points draw in a frame.
 */
export class GlPoints {
  readonly #gl: Gl;
  readonly #program: WebGLProgram;
  readonly #buffers: Record<keyof typeof ATTRIBUTES, WebGLBuffer>;
  readonly #uniforms: Map<string, WebGLUniformLocation | null>;
  #count = 0;
  #components: 2 | 3 = 2;
  #image: GlImage | null | undefined;

  /** The renderer of `canvas`, or null where WebGL is unavailable (headless DOMs, some browsers). */
  static create(canvas: HTMLCanvasElement): GlPoints | null {
    const options: WebGLContextAttributes = {antialias: false, premultipliedAlpha: false};
    let gl: Gl | null;
    try {
      gl = canvas.getContext("webgl2", options) ?? canvas.getContext("webgl", options);
    } catch {
      // Some DOMs (and browsers with WebGL blocked) throw instead of returning null.
      gl = null;
    }
    if (!gl) return null;
    const program = link(gl);
    return program ? new GlPoints(gl, program) : null;
  }

  private constructor(gl: Gl, program: WebGLProgram) {
    this.#gl = gl;
    this.#program = program;
    this.#buffers = {position: gl.createBuffer()!, color: gl.createBuffer()!, flags: gl.createBuffer()!};
    this.#uniforms = new Map(
      [
        "u_matrix",
        "u_size",
        "u_layered",
        "u_hasSelection",
        "u_focusDistance",
        "u_background",
        "u_outline"
      ].map((name) => [name, gl.getUniformLocation(program, name)])
    );
  }

  /** The projection's coordinates, used as they are (no copy). */
  setPositions(coordinates: Float32Array, nComponents: 2 | 3): void {
    this.#upload("position", coordinates);
    this.#count = coordinates.length / nComponents;
    this.#components = nComponents;
  }

  setColors(colors: Uint8Array): void {
    this.#upload("color", colors);
  }

  setFlags(flags: Uint8Array): void {
    this.#upload("flags", flags);
  }

  /** Fills the canvas (width × height device pixels) with `background`: a frame without points. */
  clear(width: number, height: number, background: Rgb): void {
    const gl = this.#gl;
    this.#size(width, height);
    const [r, g, b] = background;
    gl.clearColor(r / 255, g / 255, b / 255, 1);
    gl.clearDepth(1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
  }

  draw(width: number, height: number, parameters: DrawParameters): void {
    const gl = this.#gl;
    this.clear(width, height, parameters.background);
    const [r, g, b] = parameters.background;
    gl.enable(gl.DEPTH_TEST);
    gl.depthFunc(gl.LEQUAL);
    // The disks' soft edges blend over what is behind them; the canvas's alpha stays 1.
    gl.enable(gl.BLEND);
    gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ZERO, gl.ONE);
    if (this.#count === 0) return;
    gl.useProgram(this.#program);
    this.#attribute("position", this.#components, gl.FLOAT, false);
    this.#attribute("color", 3, gl.UNSIGNED_BYTE, true);
    this.#attribute("flags", 1, gl.UNSIGNED_BYTE, false);
    const uniform = (name: string) => this.#uniforms.get(name) ?? null;
    gl.uniformMatrix4fv(uniform("u_matrix"), false, parameters.matrix);
    gl.uniform1f(uniform("u_size"), parameters.pointSize);
    gl.uniform1f(uniform("u_layered"), parameters.layered ? 1 : 0);
    gl.uniform1f(uniform("u_hasSelection"), parameters.hasSelection ? 1 : 0);
    gl.uniform1f(uniform("u_focusDistance"), parameters.focusDistance);
    gl.uniform3f(uniform("u_background"), r / 255, g / 255, b / 255);
    const [or, og, ob] = parameters.outline;
    gl.uniform3f(uniform("u_outline"), or / 255, og / 255, ob / 255);
    gl.drawArrays(gl.POINTS, 0, this.#count);
  }

  /**
   * Draws a frame binned on the CPU (density.ts: width × height RGBA, rows from the bottom) in place of the
   * points; false where the image program cannot be made (the caller draws the points).
   */
  drawImage(width: number, height: number, pixels: Uint8Array): boolean {
    if (this.#image === undefined) this.#image = GlImage.create(this.#gl);
    if (!this.#image) return false;
    this.#size(width, height);
    this.#image.draw(width, height, pixels);
    return true;
  }

  /**
   * Frees the buffers and the program. The context itself is kept: losing it on purpose would leave the
   * canvas unusable if the element comes back to the page, and the browser frees it with the canvas.
   */
  dispose(): void {
    const gl = this.#gl;
    for (const buffer of Object.values(this.#buffers)) gl.deleteBuffer(buffer);
    gl.deleteProgram(this.#program);
    this.#image?.dispose();
  }

  #size(width: number, height: number): void {
    const gl = this.#gl;
    const canvas = gl.canvas as HTMLCanvasElement;
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    gl.viewport(0, 0, width, height);
  }

  #upload(name: keyof typeof ATTRIBUTES, data: ArrayBufferView): void {
    const gl = this.#gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#buffers[name]);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  }

  #attribute(name: keyof typeof ATTRIBUTES, size: number, type: number, normalized: boolean): void {
    const gl = this.#gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#buffers[name]);
    gl.enableVertexAttribArray(ATTRIBUTES[name]);
    gl.vertexAttribPointer(ATTRIBUTES[name], size, type, normalized, 0, 0);
  }
}

function link(gl: Gl): WebGLProgram | null {
  const program = gl.createProgram();
  const vertex = compile(gl, gl.VERTEX_SHADER, vertexShader);
  const fragment = compile(gl, gl.FRAGMENT_SHADER, fragmentShader);
  if (!program || !vertex || !fragment) return null;
  gl.attachShader(program, vertex);
  gl.attachShader(program, fragment);
  for (const [name, location] of Object.entries(ATTRIBUTES))
    gl.bindAttribLocation(program, location, `a_${name}`);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    console.warn("phx-point-cloud: WebGL program failed to link:", gl.getProgramInfoLog(program));
    return null;
  }
  return program;
}

function compile(gl: Gl, type: number, source: string): WebGLShader | null {
  const shader = gl.createShader(type);
  if (!shader) return null;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (gl.getShaderParameter(shader, gl.COMPILE_STATUS)) return shader;
  console.warn("phx-point-cloud: WebGL shader failed to compile:", gl.getShaderInfoLog(shader));
  return null;
}
