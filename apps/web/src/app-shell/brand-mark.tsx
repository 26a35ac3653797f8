/** Three rising steps: the ladder the product is about. Decorative; the name next to it is the label. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="currentColor" />
      <path
        d="M5 18h4.5v-4H14V9.5h5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
