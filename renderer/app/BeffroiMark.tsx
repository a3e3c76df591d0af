/** The product mark: a belfry (beffroi), the tower that watched over the town and rang the alarm. */
export function BeffroiMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="beffroi-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <path d="M16 2 L22 9 H10 Z" fill="#f5a623" />
      <rect x="11" y="9" width="10" height="19" rx="1" fill="#e8eef8" />
      <path d="M13.5 14 a2.5 2.5 0 0 1 5 0 V18 h-5 Z" fill="#0b1322" />
      <rect x="14" y="21" width="4" height="7" fill="#0b1322" />
      <rect x="7" y="28" width="18" height="2" rx="1" fill="#e8eef8" />
    </svg>
  );
}
