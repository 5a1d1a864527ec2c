/**
 * A file the shells serve beside the built renderer, from memory (the theme's logo, read and
 * checked when the config was loaded), with the same security headers as every other file.
 */
export interface StaticAsset {
  /** The URL path it is served at (`/theme/logo.png`). */
  path: string;
  contentType: string;
  body: Uint8Array;
}

/** The asset served at `pathname`, if any. */
export function assetAt(assets: readonly StaticAsset[], pathname: string): StaticAsset | undefined {
  return assets.find((asset) => asset.path === pathname);
}
