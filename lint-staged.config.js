// The pre-commit hook (.husky/pre-commit) runs this on what is staged.
export default {
  // org-guard reads the staged blobs itself, so a partially staged file is judged on what will be committed.
  "*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}": () => "org-guard check --staged",
  "*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}": ["eslint --no-warn-ignored", "prettier --check"],
  "*.{json,md,yaml,yml}": "prettier --check",
};
